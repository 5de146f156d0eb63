package dev.loopsim.policies.ranking;

import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Page;

/**
 * Inverse-propensity weights for training on a recommender's own logs. A title can only be
 * played from a page that showed it, so plays over-count what the policy already favours; each
 * page play is weighted by 1 / p_i, with p_i the share of pages so far that showed title i
 * (Schnabel et al. 2016's propensity of observation, estimated at the population level), clipped
 * at {@code maxWeight} to bound the variance. A play from search was not chosen by the policy and
 * keeps weight 1.
 */
final class ExposurePropensity {
    private final double[] impressions;
    private final double maxWeight;
    private double pages;

    /** Checks the weighting parameters a ranker takes: a weighting, and a clip of at least 1. */
    static void checkWeighting(Weighting weighting, double maxWeight) {
        dev.loopsim.core.Keys.required(Weighting.class, "weighting", weighting);
        dev.loopsim.core.Validate.inRange("maxWeight", maxWeight, 1, 1e6);
    }

    ExposurePropensity(int titles, double maxWeight) {
        this.impressions = new double[titles];
        this.maxWeight = maxWeight;
    }

    /** Counts the visit's page (call before {@link #weight} of the same visit, so its own page counts). */
    void observe(VisitFeedback visit) {
        Page page = visit.page();
        if (page.slots() == 0) {
            return;
        }
        pages++;
        for (int slot = 0; slot < page.slots(); slot++) {
            int title = page.titleAt(slot);
            if (title >= 0) {
                impressions[title]++;
            }
        }
    }

    /** The weight of the visit's play: min(maxWeight, 1 / p_i) from a page, 1 from search. */
    double weight(VisitFeedback visit) {
        if (visit.playedSlot() < 0) {
            return 1;
        }
        double shown = impressions[visit.playedTitle()];
        return shown == 0 ? maxWeight : Math.min(maxWeight, pages / shown);
    }
}

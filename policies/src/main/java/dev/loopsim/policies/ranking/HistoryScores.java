package dev.loopsim.policies.ranking;

import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.TopTitles;
import dev.loopsim.core.world.MemberHistory;

/**
 * Scores candidates from an item × item weight matrix and the member's observable history (their
 * remembered plays): score_i = Σ_{j ∈ history} W[j][i]. Ties, and members with no history, go
 * by the catalog's popularity prior, scaled below any real score gap.
 */
final class HistoryScores {
    private HistoryScores() { }

    /** The offered titles by the catalog's popularity prior alone: for members a model knows nothing of. */
    static int[] byPrior(DecisionContext context, int count) {
        int[] offered = context.available();
        double[] priors = new double[offered.length];
        for (int k = 0; k < offered.length; k++) {
            priors[k] = context.catalog().title(offered[k]).popularityPrior();
        }
        return TopTitles.select(offered, priors, count);
    }

    static int[] rank(DecisionContext context, double[][] weights, int count) {
        int[] offered = context.available();
        MemberHistory member = context.member();
        double maxPrior = 1;
        for (int id : offered) {
            maxPrior = Math.max(maxPrior, context.catalog().title(id).popularityPrior());
        }
        // Row by row of the weights (the titles played), which the cache reads in order; each score
        // still sums its terms from the latest play back, as a loop over titles then plays would.
        double[] scores = new double[offered.length];
        for (int h = 0; h < member.recentPlayCount(); h++) {
            double[] row = weights[member.recentPlayTitle(h)];
            for (int k = 0; k < offered.length; k++) {
                scores[k] += row[offered[k]];
            }
        }
        for (int k = 0; k < offered.length; k++) {
            scores[k] += 1e-9 * context.catalog().title(offered[k]).popularityPrior() / maxPrior;
        }
        return TopTitles.select(offered, scores, count);
    }
}

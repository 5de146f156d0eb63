package dev.loopsim.policies.ranking;

import java.util.HashMap;
import java.util.Map;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.VisitFeedback;

/**
 * The Gram matrix G = XᵀX of the member × title play matrix X of the run's own logs, kept up to
 * date as plays arrive. X is binary, or with inverse-propensity weights X[u][i] = w_ui, the
 * weight of u's first play of i ({@link ExposurePropensity}): a new (member, title) pair adds
 * w_i² to G[i][i] and w_i·w_j to G[i][j], G[j][i] for every title j the member played before.
 */
final class CoOccurrence {
    private final double[][] gram;
    private final Map<Integer, java.util.BitSet> played = new HashMap<>();
    private final ExposurePropensity propensity;
    private final Map<Integer, Map<Integer, Double>> weights = new HashMap<>();

    CoOccurrence(int titles) {
        this(titles, null);
    }

    /** @param propensity inverse-propensity weights for the plays; null for a binary X */
    CoOccurrence(int titles, ExposurePropensity propensity) {
        gram = new double[titles][titles];
        this.propensity = propensity;
    }

    /** A weighted co-occurrence for {@code weighting} none or ips. */
    static CoOccurrence of(int titles, Weighting weighting, double maxWeight) {
        return new CoOccurrence(titles, weighting == Weighting.IPS ? new ExposurePropensity(titles, maxWeight) : null);
    }

    void learn(FeedbackBatch batch) {
        for (VisitFeedback visit : batch.visits()) {
            if (propensity != null) {
                propensity.observe(visit);
            }
            if (!visit.played()) {
                continue;
            }
            int title = visit.playedTitle();
            int member = visit.memberId();
            java.util.BitSet history = played.computeIfAbsent(member, id -> new java.util.BitSet());
            if (history.get(title)) {
                continue; // X holds a member's first play of a title: a replay adds nothing
            }
            double w = propensity == null ? 1 : propensity.weight(visit);
            for (int j = history.nextSetBit(0); j >= 0; j = history.nextSetBit(j + 1)) {
                double product = w * weight(member, j);
                gram[title][j] += product;
                gram[j][title] += product;
            }
            gram[title][title] += w * w;
            if (propensity != null) {
                weights.computeIfAbsent(member, id -> new HashMap<>()).put(title, w);
            }
            history.set(title);
        }
    }

    /** The weight X[u][i] of a member's play of a title: its inverse propensity, or 1 unweighted. */
    double weight(int member, int title) {
        if (propensity == null) {
            return 1;
        }
        Map<Integer, Double> own = weights.get(member);
        Double w = own == null ? null : own.get(title);
        return w == null ? 1 : w;
    }

    /** Each member's played titles (binary), for refits that read it between policy updates. */
    Map<Integer, java.util.BitSet> played() {
        return played;
    }

    /** G itself, for refits that read it between policy updates. */
    double[][] gram() {
        return gram;
    }

    int titles() {
        return gram.length;
    }
}

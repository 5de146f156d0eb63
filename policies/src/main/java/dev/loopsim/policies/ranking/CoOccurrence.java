package dev.loopsim.policies.ranking;

import java.util.HashMap;
import java.util.Map;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.VisitFeedback;

/**
 * The Gram matrix G = XᵀX of the binary member × title play matrix X of the run's own logs,
 * kept up to date as plays arrive: a new (member, title) pair adds 1 to G[i][i] and to
 * G[i][j], G[j][i] for every title j the member played before.
 */
final class CoOccurrence {
    private final double[][] gram;
    private final Map<Integer, java.util.BitSet> played = new HashMap<>();

    CoOccurrence(int titles) {
        gram = new double[titles][titles];
    }

    void learn(FeedbackBatch batch) {
        for (VisitFeedback visit : batch.visits()) {
            if (!visit.played()) {
                continue;
            }
            int title = visit.playedTitle();
            java.util.BitSet history = played.computeIfAbsent(visit.memberId(), id -> new java.util.BitSet());
            if (history.get(title)) {
                continue; // X is binary: a replay adds nothing
            }
            for (int j = history.nextSetBit(0); j >= 0; j = history.nextSetBit(j + 1)) {
                gram[title][j]++;
                gram[j][title]++;
            }
            gram[title][title]++;
            history.set(title);
        }
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

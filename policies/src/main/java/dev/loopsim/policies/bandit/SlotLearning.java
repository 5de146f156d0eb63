package dev.loopsim.policies.bandit;

import dev.loopsim.core.policy.VisitFeedback;

/** How a page's outcomes become a bandit's rewards, the same for artwork, title slots and rows. */
public final class SlotLearning {
    private SlotLearning() { }

    /** The reward an impression in {@code slot} earned at the visit (a completion is credited later, so 0 here). */
    public static double reward(SlotReward reward, double qualityThreshold, VisitFeedback visit, int slot) {
        boolean played = slot == visit.playedSlot();
        return switch (reward) {
            case CLICK -> played ? 1 : 0;
            case QUALITY_PLAY -> played && visit.watchFraction() >= qualityThreshold ? 1 : 0;
            case COMPLETION -> 0;
        };
    }

    /**
     * Updates the bandit with an impression of {@code arm}; a guardrail bandit also learns whether
     * a play from it was a quality play.
     */
    public static void learn(BanditPolicy bandit, int arm, double[] context, double reward, VisitFeedback visit,
                             boolean played, double qualityThreshold) {
        bandit.update(arm, context, reward);
        if (played && bandit instanceof ConstrainedThompson guarded) {
            guarded.updateGuardrail(arm, visit.watchFraction() >= qualityThreshold ? 1 : 0);
        }
    }

    /** Indices of the arms, best first, by the bandit's ranking scores. */
    public static int[] order(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Ties keep the given order, so a ranking is reproducible.
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }
}

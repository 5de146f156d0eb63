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
        if (played) {
            bandit.updateGuardrail(arm, visit.watchFraction() >= qualityThreshold ? 1 : 0);
        }
    }
}

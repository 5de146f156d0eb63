package dev.loopsim.policies.bandit;

/** What a page learner counts as success for an impression: of a title with an artwork, in a slot, in a row. */
public enum SlotReward {
    /** The title was played from that slot: observed at the visit. */
    CLICK,
    /** The title was played and watched to at least the quality threshold: observed at the visit. */
    QUALITY_PLAY,
    /** A series played from that slot was later completed: a delayed reward, seen only when it arrives. */
    COMPLETION;

    /**
     * Checks a reward and quality threshold. Kept here, not beside the parameter records'
     * registry, so that building a record never starts the registry's initialisation midway.
     */
    public static void check(SlotReward reward, double qualityThreshold) {
        dev.loopsim.core.Keys.required(SlotReward.class, "reward", reward);
        dev.loopsim.core.Validate.inRange("qualityThreshold", qualityThreshold, 0, 1);
    }

    /** As {@link #check}; a completion arrives days after the choice, without its context, so contextual learners cannot use it. */
    public static void checkContextual(SlotReward reward, double qualityThreshold) {
        check(reward, qualityThreshold);
        if (reward == COMPLETION) {
            throw new dev.loopsim.core.ParameterException("reward", "a contextual bandit learns from click or quality-play; "
                    + "a completion arrives days later, without the context of the choice");
        }
    }
}

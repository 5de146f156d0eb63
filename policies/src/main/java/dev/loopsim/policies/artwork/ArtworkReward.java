package dev.loopsim.policies.artwork;

/** What an artwork learner counts as success for an impression of (title, artwork). */
public enum ArtworkReward {
    /** The title was played from that slot: observed at the visit. */
    CLICK,
    /** The title was played and watched to at least the quality threshold: observed at the visit. */
    QUALITY_PLAY,
    /** A series played from that slot was later completed: a delayed reward, seen only when it arrives. */
    COMPLETION
}

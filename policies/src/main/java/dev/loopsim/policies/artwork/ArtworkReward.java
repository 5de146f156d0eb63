package dev.loopsim.policies.artwork;

/** What an artwork learner counts as success for an impression of (title, artwork). */
public enum ArtworkReward {
    /** The title was played from that slot: observed at the visit. */
    CLICK,
    /** The title was played and watched to at least the quality threshold: observed at the visit. */
    QUALITY_PLAY,
    /** A series played from that slot was later completed: a delayed reward, seen only when it arrives. */
    COMPLETION;

    /** click, quality-play or completion; anything else names the {@code reward} parameter. */
    public static ArtworkReward parse(String text) {
        return switch (text == null ? "" : text) {
            case "click" -> CLICK;
            case "quality-play" -> QUALITY_PLAY;
            case "completion" -> COMPLETION;
            default -> throw new dev.loopsim.core.ParameterException("reward",
                    "reward must be one of click, quality-play, completion; found '" + text + "'");
        };
    }
}

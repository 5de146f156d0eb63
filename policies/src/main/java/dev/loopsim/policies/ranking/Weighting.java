package dev.loopsim.policies.ranking;

/** How a ranker trained on its own logs counts a play from a page (see {@link ExposurePropensity}). */
public enum Weighting {
    /** Every play counts once. */
    NONE,
    /** A page play counts 1 / p, with p the share of pages that showed the title, clipped at {@code max_weight}. */
    IPS
}

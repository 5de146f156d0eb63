package dev.loopsim.core.model;

/**
 * What a member found by searching instead of browsing the page: plays that come from outside
 * the page, which no policy chose (the open loop).
 *
 * @param title         the title played, or -1 when the search found nothing worth playing
 * @param watchFraction ω of the play; 0 without one
 * @param satisfaction  the visit's satisfaction
 * @param completes     whether a series play will be completed later
 */
public record SearchResponse(int title, double watchFraction, double satisfaction, boolean completes) {

    public boolean played() {
        return title >= 0;
    }
}

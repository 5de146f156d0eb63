package dev.loopsim.core.policy;

import dev.loopsim.core.world.Page;

/**
 * A logged visit: the page shown and what was played from it.
 *
 * @param day           visit time in days
 * @param memberId      the member
 * @param page          the page shown
 * @param playedSlot    the slot played, or -1
 * @param watchFraction ω of the play; 0 when nothing was played
 */
public record VisitFeedback(double day, int memberId, Page page, int playedSlot, double watchFraction) {

    public boolean played() {
        return playedSlot >= 0;
    }

    /** The title played, or -1. */
    public int playedTitle() {
        return playedSlot >= 0 ? page.titleAt(playedSlot) : -1;
    }
}

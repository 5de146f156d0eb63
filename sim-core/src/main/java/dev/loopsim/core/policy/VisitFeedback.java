package dev.loopsim.core.policy;

import dev.loopsim.core.world.Page;

/**
 * A logged visit: the page shown and what was played, from the page or, on a search visit, from
 * outside it.
 *
 * @param day           visit time in days
 * @param memberId      the member
 * @param page          the page shown; empty on a search visit
 * @param playedSlot    the slot played, or -1
 * @param searchedTitle the title played from search on a search visit, or -1
 * @param watchFraction ω of the play; 0 when nothing was played
 */
public record VisitFeedback(double day, int memberId, Page page, int playedSlot, int searchedTitle,
                            double watchFraction) {

    /** A page visit. */
    public VisitFeedback(double day, int memberId, Page page, int playedSlot, double watchFraction) {
        this(day, memberId, page, playedSlot, -1, watchFraction);
    }

    /** A search visit: no page, and the title found, or -1 when the search found nothing to play. */
    public static VisitFeedback search(double day, int memberId, int title, double watchFraction) {
        return new VisitFeedback(day, memberId, Page.EMPTY, -1, title, watchFraction);
    }

    public boolean played() {
        return playedSlot >= 0 || searchedTitle >= 0;
    }

    /** Whether no page was shown: the member went to search (or there was nothing to show). */
    public boolean searched() {
        return page.slots() == 0 && playedSlot < 0;
    }

    /** The title played, from the page or from search, or -1. */
    public int playedTitle() {
        return playedSlot >= 0 ? page.titleAt(playedSlot) : searchedTitle;
    }

    /** The artwork the played title was shown with; the default (0) for a play from search. */
    public int playedArtwork() {
        return playedSlot >= 0 ? page.artworkAt(playedSlot) : 0;
    }
}

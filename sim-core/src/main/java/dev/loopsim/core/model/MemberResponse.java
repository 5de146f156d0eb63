package dev.loopsim.core.model;

import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;

/**
 * How a member browses a page: which slots they examine, what (if anything) they play, how
 * much of it they watch and how satisfied the visit leaves them.
 */
public interface MemberResponse {

    /**
     * Brings the member's changing state (boredom, drifting taste) up to {@code day}; called at
     * the start of each visit, before the page is built, so policies and response see one state.
     */
    default void prepare(MemberState member, double day) { }

    /** Updates the member's state after a play of a title shown with an artwork: boredom, memory of plays. */
    default void afterPlay(MemberState member, int titleId, int artwork, double day, Catalog catalog) { }

    /** Draws the member's response to a page. Randomness comes from the member's own streams. */
    VisitResponse respond(MemberState member, Page page, Catalog catalog, double day);

    /**
     * Draws what a member plays when they search instead of browsing: a title of {@code available}
     * found by their own preferences, shown with its default artwork. Randomness comes from the
     * member's own streams. Models without search find nothing.
     */
    default SearchResponse search(MemberState member, int[] available, Catalog catalog, double day) {
        return new SearchResponse(-1, 0, 0, false);
    }

    /**
     * The exact probability of a play from a page when the member examines the given slots:
     * used to measure expected regret against another page under the same examination.
     */
    double playProbability(MemberState member, Page page, boolean[] examined, Catalog catalog, double day);

    /** The true utility this response model uses. */
    TrueUtility utility();

    /** Mean delay in days from a completing play to its observed completion. */
    double completionDelayDays();
}

package dev.loopsim.core.world;

/**
 * What a policy observes of the visiting member: who they are, when they joined, what they were
 * shown and what they played, and when they came. Never their tastes, boredom or satisfaction,
 * which a real service cannot see; the true utility goes to the oracle alone, through
 * {@link dev.loopsim.core.model.WorldTruth}.
 */
public interface MemberHistory {

    int id();

    /** The day the member joined (0 for members present from the start). */
    double joinDay();

    /** Visits the member made before this one. */
    long visits();

    /** Plays the member made before this visit. */
    long plays();

    /** How many recent plays are remembered, at most {@link MemberState#RECENT_PLAYS}. */
    int recentPlayCount();

    /** The title of the k-th latest play, k = 0 being the latest. */
    int recentPlayTitle(int k);

    /** The artwork the k-th latest play was shown with. */
    int recentPlayArtwork(int k);

    /** The day of the k-th latest play. */
    double recentPlayDay(int k);

    /** Whether the k-th latest play has been completed (its delayed reward arrived). */
    boolean recentPlayCompleted(int k);

    /** How many recent visits are remembered. */
    int recentVisitCount();

    /** The day of the k-th latest visit, k = 0 being the latest. */
    double recentVisitDay(int k);

    /**
     * The titles of the page shown at the member's latest page visit, slot by slot (-1 for an
     * empty slot); empty before their first page.
     */
    int[] lastPageTitles();
}

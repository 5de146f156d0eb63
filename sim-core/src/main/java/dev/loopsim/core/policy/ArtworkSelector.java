package dev.loopsim.core.policy;

import dev.loopsim.core.world.Title;

/**
 * Chooses the artwork a title is shown with. Frozen between policy updates, like a ranker.
 * If {@link #select} fails, the page falls back to {@link #unpersonalized}, then to the
 * title's default artwork (index 0).
 */
public interface ArtworkSelector {

    /** The artwork index for {@code title} on this visit, in [0, title.artworks().size()). */
    int select(DecisionContext context, Title title);

    /**
     * The choices for one page: called once per visit, so that what depends on the member alone
     * (such as their features) is worked out once rather than for every title. By default it is
     * {@link #select} per title.
     */
    default ForVisit forVisit(DecisionContext context) {
        return title -> select(context, title);
    }

    /**
     * The choices for one page whose titles are known: for a selector that decides the whole page
     * at once (a policy service, asked once per page rather than once per slot). By default
     * {@link #forVisit}.
     *
     * @param titles the page's titles, slot by slot, -1 for an empty slot
     */
    default ForVisit forPage(DecisionContext context, int[] titles) {
        return forVisit(context);
    }

    /** The artwork choices of one visit's page. */
    @FunctionalInterface
    interface ForVisit {
        int select(Title title);
    }

    /** A choice that needs nothing of the member: the fallback when {@link #select} fails. */
    default int unpersonalized(Title title) {
        return 0;
    }

    /** Receives the feedback gathered since the last policy update. */
    default void learn(FeedbackBatch batch) { }

    /** Releases what it holds outside the JVM (see {@link Ranker#close}). */
    default void close() { }
}

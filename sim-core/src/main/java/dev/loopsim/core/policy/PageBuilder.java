package dev.loopsim.core.policy;

import dev.loopsim.core.world.Page;

/**
 * Builds the page a member sees on a visit. Frozen between policy updates, like a ranker.
 */
public interface PageBuilder {

    Page build(DecisionContext context);

    /** Receives the feedback gathered since the last policy update. */
    default void learn(FeedbackBatch batch) { }

    /** Refits batch learners on everything learned so far. */
    default void retrain(double day) { }

    /** A visit has just ended; passed on to its policies (see {@link Ranker#visited}). */
    default void visited(VisitFeedback visit, boolean churned, boolean last) { }

    /** Releases its policies' outside resources (see {@link Ranker#close}); called once when the run ends. */
    default void close() { }
}

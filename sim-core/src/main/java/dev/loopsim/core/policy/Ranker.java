package dev.loopsim.core.policy;

/**
 * Orders titles for a member. A ranker is frozen between policy updates: {@link #rank} runs
 * concurrently for different members and must not change the ranker's state.
 */
public interface Ranker {

    /**
     * Up to {@code count} distinct available title ids, best first.
     */
    int[] rank(DecisionContext context, int count);

    /** Receives the feedback gathered since the last policy update. Rankers that do not learn ignore it. */
    default void learn(FeedbackBatch batch) { }

    /** Refits on everything learned so far (a batch retrain). Rankers with nothing to refit ignore it. */
    default void retrain(double day) { }
}

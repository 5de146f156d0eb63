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

    /**
     * Whether {@link #rank} draws nothing from {@code context.random()}: its choices are then
     * certain given the context, and every propensity is 1.
     */
    default boolean deterministic() {
        return false;
    }

    /**
     * {@link #rank} with the propensity of each position, for logs and off-policy evaluation. By
     * default 1 for a deterministic ranker and NaN (unknown) otherwise; randomising rankers that
     * can say override it.
     */
    default Ranking rankWithPropensities(DecisionContext context, int count) {
        return Ranking.of(rank(context, count), deterministic() ? 1 : Double.NaN);
    }

    /**
     * The distribution of the first title over {@code context.available()}, or null when the ranker
     * cannot state it. By default a deterministic ranker's first title is certain.
     */
    default FirstChoice firstChoice(DecisionContext context) {
        if (!deterministic() || context.available().length == 0) {
            return null;
        }
        return new FirstChoice(rank(context, 1)[0], 1, context.available().length);
    }

    /** Receives the feedback gathered since the last policy update. Rankers that do not learn ignore it. */
    default void learn(FeedbackBatch batch) { }

    /** Refits on everything learned so far (a batch retrain). Rankers with nothing to refit ignore it. */
    default void retrain(double day) { }

    /**
     * A visit has just ended (its next visit, or the member's churn, already drawn), before any
     * later decision: for a policy that steps an environment visit by visit. A ranker that uses it
     * is no longer frozen between updates, so only a run that goes one visit at a time stays
     * deterministic; every other ranker ignores it.
     *
     * @param churned whether the member leaves before another visit
     * @param last    whether this was the member's last visit of the run (churned, or the horizon comes first)
     */
    default void visited(VisitFeedback visit, boolean churned, boolean last) { }

    /**
     * Releases what the ranker holds outside the JVM (a policy service's process or connection).
     * Called once, when its run ends, whether or not the run succeeded.
     */
    default void close() { }
}

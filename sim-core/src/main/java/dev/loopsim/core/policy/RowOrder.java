package dev.loopsim.core.policy;

import java.util.List;

/** The order of a page's rows per visit: a bandit with an arm per row, or a policy service. */
public interface RowOrder extends AutoCloseable {
    /** A row order for a page plan, given the label of each of its rows in plan order. */
    @FunctionalInterface
    interface Factory {
        RowOrder create(List<String> kinds);
    }

    /** The plan's rows, best first: a permutation of 0 to rows - 1. */
    int[] order(DecisionContext context);

    /** The feedback of one update window. */
    void learn(FeedbackBatch batch);

    /** Releases what it holds (a service's session); nothing by default. */
    @Override
    default void close() { }
}

package dev.loopsim.results.metrics;

import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.MemberState;

/**
 * A metric's running counts over part of a run: one shard, one day, or a merge of several.
 * Updated by one thread. {@link #combine} adds another tally's counts into this one, so shards,
 * days and threads can be merged in any grouping and order: the result is the same, up to the
 * rounding of floating-point sums. loopsim merges into a fresh tally in shard order, so those
 * sums round the same way at any thread count.
 *
 * @param <T> the tally's own type, so that {@code combine} needs no cast
 */
public interface Tally<T extends Tally<T>> {

    /** A visit: a page shown, or a search (then {@link VisitEvent#page()} is null). */
    default void visit(VisitEvent visit) { }

    /** A delayed reward (a series completion) arrived. */
    default void reward(MemberState member, RewardFeedback reward) { }

    /** Adds {@code other}'s counts to this tally, as if it had seen other's events too; other is unchanged. */
    void combine(T other);
}

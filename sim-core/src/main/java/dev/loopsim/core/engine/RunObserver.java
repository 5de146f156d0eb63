package dev.loopsim.core.engine;

import java.util.List;
import dev.loopsim.core.world.MemberState;

/**
 * Collects what happens in one run. Per-shard observers see member events concurrently; the
 * run observer merges them, always in shard order, at snapshots and at the end.
 */
public interface RunObserver {

    /** The observer of one shard; called once per shard before the run starts. */
    ShardObserver shard(int index);

    /** Day {@code dayIndex} (the interval [dayIndex, dayIndex + 1)) is over. */
    default void snapshot(int dayIndex) { }

    /** The run reached its horizon; {@code members} are in id order. */
    default void finish(double horizonDays, List<MemberState> members) { }
}

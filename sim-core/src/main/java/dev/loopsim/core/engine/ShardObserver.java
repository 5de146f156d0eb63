package dev.loopsim.core.engine;

import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;

/**
 * Sees the member events of one shard, in the shard's deterministic order. Called from the
 * shard's worker thread only.
 */
public interface ShardObserver {

    /**
     * A visit happened.
     *
     * @param oraclePlayProbability the play probability the oracle's page would have had under
     *                              the same examination, or NaN when regret is not measured
     */
    void visit(MemberState member, double day, Page page, VisitResponse response, double oraclePlayProbability);

    /** A search visit happened: the member skipped the page. */
    default void search(MemberState member, double day, SearchResponse response) { }

    /** A delayed reward arrived. */
    default void reward(MemberState member, RewardFeedback reward) { }
}

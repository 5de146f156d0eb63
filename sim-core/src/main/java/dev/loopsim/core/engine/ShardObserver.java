package dev.loopsim.core.engine;

import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.DecisionContext;
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

    /**
     * The context a page was built in, just before {@link #visit} reports it: for observers that
     * ask other policies what they would have chosen (off-policy evaluation). Policies are frozen
     * while shards run, so asking them here is safe.
     */
    default void decision(DecisionContext context, Page page, VisitResponse response) { }

    /** A search visit happened: the member skipped the page. */
    default void search(MemberState member, double day, SearchResponse response) { }

    /** A delayed reward arrived. */
    default void reward(MemberState member, RewardFeedback reward) { }
}

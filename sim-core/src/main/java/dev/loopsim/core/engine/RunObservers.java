package dev.loopsim.core.engine;

import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import java.util.List;

/** Several observers of one run, told of every event in the order given. */
public final class RunObservers implements RunObserver {
    private final List<RunObserver> observers;

    private RunObservers(List<RunObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    /** The observers, or the one observer itself when there is one. */
    public static RunObserver of(List<RunObserver> observers) {
        return observers.size() == 1 ? observers.get(0) : new RunObservers(observers);
    }

    @Override
    public ShardObserver shard(int index) {
        List<ShardObserver> shards = observers.stream().map(o -> o.shard(index)).toList();
        return new ShardObserver() {
            @Override
            public void visit(MemberState member, double day, Page page, VisitResponse response, double oraclePlayProbability) {
                shards.forEach(s -> s.visit(member, day, page, response, oraclePlayProbability));
            }

            @Override
            public void decision(DecisionContext context, Page page, VisitResponse response) {
                shards.forEach(s -> s.decision(context, page, response));
            }

            @Override
            public void search(MemberState member, double day, SearchResponse response) {
                shards.forEach(s -> s.search(member, day, response));
            }

            @Override
            public void reward(MemberState member, RewardFeedback reward) {
                shards.forEach(s -> s.reward(member, reward));
            }
        };
    }

    @Override
    public void snapshot(int dayIndex) {
        observers.forEach(o -> o.snapshot(dayIndex));
    }

    @Override
    public void finish(double horizonDays, List<MemberState> members) {
        observers.forEach(o -> o.finish(horizonDays, members));
    }
}

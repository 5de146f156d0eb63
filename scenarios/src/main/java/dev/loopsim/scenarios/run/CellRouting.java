package dev.loopsim.scenarios.run;

import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import java.util.List;

/** An A/B test's observers, one per cell: each event goes to the observer of its member's cell. */
final class CellRouting implements RunObserver {
    private final List<? extends RunObserver> cells;
    private final int[] cellOf;

    CellRouting(List<? extends RunObserver> cells, int[] cellOf) {
        this.cells = List.copyOf(cells);
        this.cellOf = cellOf.clone();
    }

    @Override
    public ShardObserver shard(int index) {
        List<ShardObserver> shards = cells.stream().map(cell -> cell.shard(index)).toList();
        return new ShardObserver() {
            @Override
            public void visit(MemberState member, double day, Page page, VisitResponse response, double oracle) {
                shards.get(cellOf[member.id()]).visit(member, day, page, response, oracle);
            }

            @Override
            public void decision(DecisionContext context, Page page, VisitResponse response) {
                shards.get(cellOf[context.memberId()]).decision(context, page, response);
            }

            @Override
            public void search(MemberState member, double day, SearchResponse response) {
                shards.get(cellOf[member.id()]).search(member, day, response);
            }

            @Override
            public void reward(MemberState member, RewardFeedback reward) {
                shards.get(cellOf[member.id()]).reward(member, reward);
            }
        };
    }

    @Override
    public void snapshot(int dayIndex) {
        cells.forEach(cell -> cell.snapshot(dayIndex));
    }

    @Override
    public void finish(double horizonDays, List<MemberState> members) {
        for (int c = 0; c < cells.size(); c++) {
            int cell = c;
            cells.get(c).finish(horizonDays, members.stream().filter(m -> cellOf[m.id()] == cell).toList());
        }
    }
}

package dev.loopsim.scenarios.run;

import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.PageBuilder;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of an A/B test: each member sees their cell's page. With pooled training every
 * cell's policies learn from every member's feedback, as arms that share a training pipeline do;
 * per cell, each learns from its own members only. Each cell retrains on its own schedule.
 */
final class AbTestPages implements PageBuilder {
    private final List<PageBuilder> cells;
    private final int[] cellOf;
    private final boolean pooled;
    private final double[] retrainEveryDays;
    private final double[] nextRetrain;

    /**
     * @param cellOf           each member's cell, by member id
     * @param retrainEveryDays each cell's retrain interval (0: never)
     */
    AbTestPages(List<PageBuilder> cells, int[] cellOf, boolean pooled, double[] retrainEveryDays) {
        this.cells = List.copyOf(cells);
        this.cellOf = cellOf.clone();
        this.pooled = pooled;
        this.retrainEveryDays = retrainEveryDays.clone();
        this.nextRetrain = retrainEveryDays.clone();
    }

    @Override
    public Page build(DecisionContext context) {
        return cells.get(cellOf[context.memberId()]).build(context);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        if (pooled) {
            cells.forEach(cell -> cell.learn(batch));
            return;
        }
        for (int c = 0; c < cells.size(); c++) {
            List<VisitFeedback> visits = new ArrayList<>();
            List<RewardFeedback> rewards = new ArrayList<>();
            for (VisitFeedback visit : batch.visits()) {
                if (cellOf[visit.memberId()] == c) {
                    visits.add(visit);
                }
            }
            for (RewardFeedback reward : batch.rewards()) {
                if (cellOf[reward.memberId()] == c) {
                    rewards.add(reward);
                }
            }
            cells.get(c).learn(new FeedbackBatch(batch.fromDay(), batch.toDay(), visits, rewards));
        }
    }

    /** Called at the shortest interval of any cell; each cell retrains once its own interval has passed. */
    @Override
    public void retrain(double day) {
        for (int c = 0; c < cells.size(); c++) {
            if (retrainEveryDays[c] > 0 && day >= nextRetrain[c] - 1e-9) {
                cells.get(c).retrain(day);
                while (nextRetrain[c] <= day + 1e-9) {
                    nextRetrain[c] += retrainEveryDays[c];
                }
            }
        }
    }

    @Override
    public void visited(dev.loopsim.core.policy.VisitFeedback visit, boolean churned, boolean last) {
        cells.get(cellOf[visit.memberId()]).visited(visit, churned, last);
    }

    @Override
    public void close() {
        cells.forEach(PageBuilder::close);
    }
}

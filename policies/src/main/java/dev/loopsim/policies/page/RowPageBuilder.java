package dev.loopsim.policies.page;

import java.util.Arrays;
import java.util.Collections;
import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.PageBuilder;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.world.Page;

/**
 * A page of {@code rows × columns} {@code top-picks} filled row by row from one ranker's
 * ordering, so the best-ranked titles take the most-examined slots. A ranker returns distinct
 * titles, so the page has no duplicates; a short ranking leaves the last slots empty.
 */
public final class RowPageBuilder implements PageBuilder {
    private final int rows;
    private final int columns;
    private final Ranker ranker;

    public RowPageBuilder(int rows, int columns, Ranker ranker) {
        this.rows = Validate.atLeast("rows", rows, 1);
        this.columns = Validate.atLeast("columns", columns, 1);
        this.ranker = ranker;
    }

    @Override
    public Page build(DecisionContext context) {
        int[] ranked = ranker.rank(context, rows * columns);
        int[] slots = new int[rows * columns];
        Arrays.fill(slots, -1);
        System.arraycopy(ranked, 0, slots, 0, Math.min(ranked.length, slots.length));
        return new Page(rows, columns, Collections.nCopies(rows, "top-picks"), slots);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        ranker.learn(batch);
    }

    @Override
    public void retrain(double day) {
        ranker.retrain(day);
    }
}

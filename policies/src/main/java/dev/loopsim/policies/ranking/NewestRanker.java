package dev.loopsim.policies.ranking;

import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.TopTitles;

/** The most recently released titles first (ties by id): the natural order of a new-releases row. */
public final class NewestRanker implements Ranker {

    /** No parameters. */
    public record Parameters() { }

    /** Its ranking is a function of the context and of what it learned: no draws. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        int[] offered = context.available();
        double[] release = new double[offered.length];
        for (int k = 0; k < offered.length; k++) {
            release[k] = context.catalog().title(offered[k]).releaseDay();
        }
        return TopTitles.select(offered, release, count);
    }
}

package dev.loopsim.policies.ranking;

import dev.loopsim.core.model.WorldTruth;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.TopTitles;

/**
 * Orders titles by the member's true utility, which no real policy can see: the upper bound
 * that regret is measured against.
 */
public final class OracleRanker implements Ranker {
    private final WorldTruth truth;

    public OracleRanker(WorldTruth truth) {
        this.truth = truth;
    }

    /** No parameters. */
    public record Parameters() { }

    /** Its ranking is a function of the context and of what it learned: no draws. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        int[] available = context.available();
        double[] utilities = new double[available.length];
        for (int k = 0; k < available.length; k++) {
            utilities[k] = truth.utility(context.member(), context.catalog().title(available[k]), context.day());
        }
        return TopTitles.select(available, utilities, count);
    }
}

package dev.loopsim.policies.ranking;

import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FirstChoice;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.Ranking;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A uniformly random ordering of the available titles: the floor every policy should beat.
 * The title in position k was drawn with probability 1 / (n − k) given the ones before it.
 */
public final class RandomRanker implements Ranker {

    /** No parameters. */
    public record Parameters() { }

    @Override
    public int[] rank(DecisionContext context, int count) {
        int[] pool = context.available().clone();
        int size = Math.min(count, pool.length);
        UniformRandomProvider random = context.random();
        // Partial Fisher–Yates: the first `size` positions become a uniform random sample, in random order.
        for (int k = 0; k < size; k++) {
            int pick = k + random.nextInt(pool.length - k);
            int held = pool[k];
            pool[k] = pool[pick];
            pool[pick] = held;
        }
        return java.util.Arrays.copyOf(pool, size);
    }

    @Override
    public Ranking rankWithPropensities(DecisionContext context, int count) {
        int[] titles = rank(context, count);
        int n = context.available().length;
        double[] propensities = new double[titles.length];
        for (int k = 0; k < titles.length; k++) {
            propensities[k] = 1.0 / (n - k);
        }
        return new Ranking(titles, propensities);
    }

    @Override
    public FirstChoice firstChoice(DecisionContext context) {
        int n = context.available().length;
        return n == 0 ? null : new FirstChoice(-1, 0, n);
    }
}

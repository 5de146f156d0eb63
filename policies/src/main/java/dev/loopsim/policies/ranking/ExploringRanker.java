package dev.loopsim.policies.ranking;

import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.FirstChoice;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.Ranking;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * ε-uniform exploration around a ranker: each position takes, with probability ε, a uniformly
 * random candidate not yet placed, and otherwise the base ranker's best title not yet placed.
 * Around a deterministic base every propensity is known exactly, which is what logging for
 * off-policy evaluation needs: (1 − ε)·[the base's best] + ε / (candidates left).
 */
public final class ExploringRanker implements Ranker {
    private final Ranker base;
    private final double epsilon;

    public ExploringRanker(Ranker base, double epsilon) {
        if (!(epsilon > 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1], found " + epsilon);
        }
        this.base = base;
        this.epsilon = epsilon;
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        return rankWithPropensities(context, count).titles();
    }

    @Override
    public Ranking rankWithPropensities(DecisionContext context, int count) {
        int[] pool = context.available().clone();
        int live = pool.length;
        int size = Math.min(count, live);
        int[] preferred = base.rank(context, size);
        boolean exact = base.deterministic();
        UniformRandomProvider random = context.random();
        int[] titles = new int[size];
        double[] propensities = new double[size];
        java.util.Set<Integer> placed = new java.util.HashSet<>();
        int next = 0;
        for (int k = 0; k < size; k++) {
            while (next < preferred.length && placed.contains(preferred[next])) {
                next++;
            }
            int best = next < preferred.length ? preferred[next] : -1;
            boolean explore = best < 0 || random.nextDouble() < epsilon;
            int title = explore ? pool[random.nextInt(live)] : best;
            live = remove(pool, live, title);
            placed.add(title);
            titles[k] = title;
            int left = live + 1;
            propensities[k] = best < 0 ? 1.0 / left
                    : exact ? (title == best ? 1 - epsilon : 0) + epsilon / left : Double.NaN;
        }
        return new Ranking(titles, propensities);
    }

    /** Moves {@code title} past the live part of the pool; returns the new live length. */
    private static int remove(int[] pool, int live, int title) {
        for (int i = 0; i < live; i++) {
            if (pool[i] == title) {
                pool[i] = pool[live - 1];
                pool[live - 1] = title;
                return live - 1;
            }
        }
        throw new IllegalStateException("title " + title + " is not among the candidates left");
    }

    @Override
    public FirstChoice firstChoice(DecisionContext context) {
        FirstChoice chosen = base.firstChoice(context);
        return chosen == null ? null : chosen.explored(epsilon);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        base.learn(batch);
    }

    @Override
    public void retrain(double day) {
        base.retrain(day);
    }

    @Override
    public void visited(dev.loopsim.core.policy.VisitFeedback visit, boolean churned, boolean last) {
        base.visited(visit, churned, last);
    }

    @Override
    public void close() {
        base.close();
    }
}

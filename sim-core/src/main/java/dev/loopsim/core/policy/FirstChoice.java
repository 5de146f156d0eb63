package dev.loopsim.core.policy;

/**
 * A ranker's distribution over the title it puts first: {@code favourite} with probability
 * {@code favouriteShare} plus an even share of the rest over the whole candidate pool. It covers
 * deterministic rankers (share 1), uniform ones (share 0) and ε-exploration around either, which
 * is what off-policy evaluation needs to weigh a logged choice.
 *
 * @param favourite      the title the ranker prefers, or -1 when it has none (uniform)
 * @param favouriteShare the probability of choosing the favourite for that reason, in [0, 1]
 * @param poolSize       the number of candidates (the {@code available} titles of the context)
 */
public record FirstChoice(int favourite, double favouriteShare, int poolSize) {

    public FirstChoice {
        if (!(favouriteShare >= 0 && favouriteShare <= 1)) {
            throw new IllegalArgumentException("favouriteShare must be in [0, 1], found " + favouriteShare);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1, found " + poolSize);
        }
    }

    /** Pr(first title = {@code title}) for a title of the pool. */
    public double probability(int title) {
        double spread = (1 - favouriteShare) / poolSize;
        return title == favourite ? favouriteShare + spread : spread;
    }

    /** The same choice made with probability 1 − ε, and uniformly with ε. */
    public FirstChoice explored(double epsilon) {
        return new FirstChoice(favourite, (1 - epsilon) * favouriteShare, poolSize);
    }
}

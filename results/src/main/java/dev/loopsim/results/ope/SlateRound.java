package dev.loopsim.results.ope;

/**
 * One logged page of K slots, seen by a deterministic target ranker.
 *
 * @param slate       the titles the logger put in slots 0..K−1
 * @param conditional the logger's probability of each slot's title given the titles before it
 *                    (the impression log's propensities): their running product is the slate prefix's
 * @param poolSize    the titles the logger chose among (uniformly without replacement, for
 *                    {@code slate-iips} and {@code slate-pi}, which need its marginals)
 * @param rewards     each slot's reward (1 for the slot played)
 * @param target      the titles the target would put in slots 0..K−1
 */
public record SlateRound(int[] slate, double[] conditional, int poolSize, double[] rewards, int[] target) {
    public SlateRound {
        int k = slate.length;
        if (k == 0 || conditional.length != k || rewards.length != k || target.length != k) {
            throw new IllegalArgumentException("a slate round needs the same number (at least one) of titles, propensities, "
                    + "rewards and target titles");
        }
        if (poolSize < k) {
            throw new IllegalArgumentException("a pool of " + poolSize + " cannot fill " + k + " slots");
        }
        for (double p : conditional) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("propensities must be in (0, 1], found " + p);
            }
        }
    }

    public int slots() {
        return slate.length;
    }

    /** The page's reward: the sum over its slots. */
    public double reward() {
        double sum = 0;
        for (double r : rewards) {
            sum += r;
        }
        return sum;
    }
}

package dev.loopsim.core.policy;

/**
 * Titles in ranked order, each with the ranker's propensity: Pr(this title at this position |
 * the titles before it, the context), or NaN where the ranker cannot say.
 */
public record Ranking(int[] titles, double[] propensities) {

    public Ranking {
        titles = titles.clone();
        propensities = propensities.clone();
        if (propensities.length != titles.length) {
            throw new IllegalArgumentException(titles.length + " titles need as many propensities, found " + propensities.length);
        }
    }

    /** A ranking whose every position was certain (a deterministic ranker), or unknown. */
    public static Ranking of(int[] titles, double propensity) {
        double[] p = new double[titles.length];
        java.util.Arrays.fill(p, propensity);
        return new Ranking(titles, p);
    }

    @Override
    public int[] titles() {
        return titles.clone();
    }

    @Override
    public double[] propensities() {
        return propensities.clone();
    }
}

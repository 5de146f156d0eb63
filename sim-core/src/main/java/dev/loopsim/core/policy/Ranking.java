package dev.loopsim.core.policy;

import java.util.Arrays;

/**
 * Titles in ranked order, each with the ranker's propensity: Pr(this title at this position |
 * the titles before it, the context), or NaN where the ranker cannot say. A page asks for one
 * per row on every visit, so a ranking with one propensity for all positions keeps just that
 * number, and the page reads positions without copying.
 */
public final class Ranking {
    private final int[] titles;
    private final double[] propensities; // null when every position has {@link #shared}
    private final double shared;

    public Ranking(int[] titles, double[] propensities) {
        if (propensities.length != titles.length) {
            throw new IllegalArgumentException(titles.length + " titles need as many propensities, found " + propensities.length);
        }
        this.titles = titles.clone();
        this.propensities = propensities.clone();
        this.shared = Double.NaN;
    }

    private Ranking(int[] titles, double shared) {
        this.titles = titles;
        this.propensities = null;
        this.shared = shared;
    }

    /** A ranking whose every position was certain (a deterministic ranker), or unknown. */
    public static Ranking of(int[] titles, double propensity) {
        return new Ranking(titles.clone(), propensity);
    }

    public int size() {
        return titles.length;
    }

    public int titleAt(int position) {
        return titles[position];
    }

    public double propensityAt(int position) {
        return propensities == null ? shared : propensities[position];
    }

    public int[] titles() {
        return titles.clone();
    }

    public double[] propensities() {
        if (propensities != null) {
            return propensities.clone();
        }
        double[] p = new double[titles.length];
        Arrays.fill(p, shared);
        return p;
    }
}

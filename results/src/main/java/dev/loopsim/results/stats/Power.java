package dev.loopsim.results.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * How many replicates a test needs to detect a difference, from a spread seen in a pilot run.
 * The t-test's power uses the shifted central t (the noncentral t's usual approximation), which
 * errs slightly toward too many replicates.
 */
public final class Power {
    /** The most replicates {@link #replicatesForMean} and {@link #replicatesForShare} search. */
    public static final int MOST = 100_000;

    private Power() { }

    /**
     * The fewest replicates (at least 2) at which a one-sided t-test at level α detects a mean
     * difference {@code effect} &gt; 0 of values with standard deviation {@code sd} with the
     * given power; {@link #MOST} + 1 when even that many do not suffice, and 2 with no spread.
     */
    public static int replicatesForMean(double effect, double sd, double alpha, double power) {
        if (!(effect > 0)) {
            throw new IllegalArgumentException("the effect to detect must be > 0, found " + effect);
        }
        if (sd == 0) {
            return Math.max(2, (int) Math.ceil(Math.log(alpha) / Math.log(0.5) + 1e-9)); // the sign test's n
        }
        for (int n = 2; n <= MOST; n = n < 1000 ? n + 1 : n + n / 100) {
            TDistribution t = new TDistribution(null, n - 1);
            double critical = t.inverseCumulativeProbability(1 - alpha);
            if (1 - t.cumulativeProbability(critical - effect * Math.sqrt(n) / sd) >= power) {
                return n;
            }
        }
        return MOST + 1;
    }

    /**
     * The fewest replicates at which the exact one-sided binomial test of "share &gt; p₀" at
     * level α rejects with the given power when the true share is {@code share} &gt; p₀.
     */
    public static int replicatesForShare(double share, double p0, double alpha, double power) {
        if (!(share > p0)) {
            throw new IllegalArgumentException("the share to detect must exceed " + p0 + ", found " + share);
        }
        for (int n = 1; n <= MOST; n = n < 1000 ? n + 1 : n + n / 100) {
            int critical = criticalCount(n, p0, alpha);
            if (critical <= n && Binomial.atLeast(critical, n, share) >= power) {
                return n;
            }
        }
        return MOST + 1;
    }

    /** The fewest successes of n that reject "share ≤ p₀" at level α (n + 1 when none do). */
    static int criticalCount(int n, double p0, double alpha) {
        int low = 0;
        int high = n + 1;
        while (low < high) { // P(X ≥ k | p₀) falls as k grows: the first k below α
            int mid = (low + high) >>> 1;
            if (Binomial.atLeast(mid, n, p0) < alpha) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}

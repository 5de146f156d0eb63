package dev.loopsim.results.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Exact inference for a share of successes: the binomial tail and Clopper–Pearson bounds. The
 * bounds take real-valued counts too, for effective counts of weighted data (Korn and Graubard
 * 1998): with whole counts they are the exact bounds.
 */
public final class Binomial {
    private Binomial() { }

    /** P(X ≥ k) for X ~ Binomial(n, p): the one-sided p-value of "the share exceeds p" after k of n. */
    public static double atLeast(int k, int n, double p) {
        if (k <= 0) {
            return 1;
        }
        // P(X ≥ k) = I_p(k, n − k + 1), accurate in the far tail where 1 − P(X < k) loses every digit.
        return k > n ? 0 : new BetaDistribution(null, k, n - k + 1).cumulativeProbability(p);
    }

    /** P(X ≤ k) for X ~ Binomial(n, p): the one-sided p-value of "the share is below p". */
    public static double atMost(int k, int n, double p) {
        return k >= n ? 1 : k < 0 ? 0 : new BinomialDistribution(null, n, p).cumulativeProbability(k);
    }

    /**
     * The one-sided Clopper–Pearson lower bound at {@code level}: the smallest share p with
     * P(X ≥ k | p) ≥ 1 − level, so that "bound > p₀" is exactly "{@link #atLeast} &lt; 1 − level".
     */
    public static double lowerBound(double k, double n, double level) {
        requireCounts(k, n);
        if (k <= 0) {
            return 0;
        }
        return k >= n ? Math.pow(1 - level, 1 / n) // closed form: p^n = α
                : new BetaDistribution(null, k, n - k + 1).inverseCumulativeProbability(1 - level);
    }

    /** The one-sided Clopper–Pearson upper bound at {@code level}. */
    public static double upperBound(double k, double n, double level) {
        requireCounts(k, n);
        if (k >= n) {
            return 1;
        }
        return k <= 0 ? 1 - Math.pow(1 - level, 1 / n) // closed form: (1 − p)^n = α
                : new BetaDistribution(null, k + 1, n - k).inverseCumulativeProbability(level);
    }

    private static void requireCounts(double k, double n) {
        if (!(n > 0 && k >= 0 && k <= n)) {
            throw new IllegalArgumentException("counts must satisfy 0 <= k <= n and n > 0, found k = " + k + ", n = " + n);
        }
    }
}

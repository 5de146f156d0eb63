package dev.loopsim.results.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean with a two-sided Student-t confidence interval, over independent replicates.
 * With one replicate the interval is undefined and the bounds are NaN.
 *
 * @param mean  sample mean
 * @param lower lower bound
 * @param upper upper bound
 * @param n     number of values
 * @param level confidence level, e.g. 0.95
 */
public record Interval(double mean, double lower, double upper, int n, double level) {

    public static Interval of(double[] values, double level) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("an interval needs at least one value");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), found " + level);
        }
        double mean = mean(values);
        if (n == 1) {
            return new Interval(mean, Double.NaN, Double.NaN, 1, level);
        }
        if (java.util.Arrays.stream(values).allMatch(v -> v == values[0])) {
            return new Interval(values[0], values[0], values[0], n, level); // no spread, and no rounding noise
        }
        double halfWidth = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2)
                * standardError(values, mean);
        return new Interval(mean, mean - halfWidth, mean + halfWidth, n, level);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The standard error of the mean: sample standard deviation / √n. */
    private static double standardError(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        int n = values.length;
        return Math.sqrt(squares / (n - 1) / n);
    }

    public double halfWidth() {
        return (upper - lower) / 2;
    }

    /**
     * The one-sided p-value of "mean > 0" by a t-test (for paired differences); NaN for n = 1.
     * When every difference is the same the t statistic is undefined, and no number of replicates
     * makes that p = 0: the exact sign test then says what n equal signs can show, 0.5^n for a
     * positive difference, 1 − 0.5^n for a negative one and 0.5 for none (so that 2·min(p, 1 − p)
     * is the two-sided sign test).
     */
    public static double pValueGreaterThanZero(double[] differences) {
        int n = differences.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(differences);
        double standardError = standardError(differences, mean);
        if (standardError == 0) {
            double allSameSign = Math.pow(0.5, n);
            return mean > 0 ? allSameSign : mean < 0 ? 1 - allSameSign : 0.5;
        }
        // P(T > t) as P(T < −t): no cancellation, so a tiny p stays a number rather than 0.
        return new TDistribution(null, n - 1).cumulativeProbability(-mean / standardError);
    }

    /**
     * The one-sided lower confidence bound of the mean at {@code level}, the bound whose
     * "bound &gt; c" is exactly the t-test's "p &lt; 1 − level" for mean &gt; c; NaN for n = 1.
     * With no spread the sign test decides: the common value when n equal values can show it
     * (0.5^n &lt; 1 − level), and −∞ when they cannot.
     */
    public static double lowerBound(double[] values, double level) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double standardError = standardError(values, mean);
        if (standardError == 0) {
            return Math.pow(0.5, n) < 1 - level ? values[0] : Double.NEGATIVE_INFINITY;
        }
        return mean - new TDistribution(null, n - 1).inverseCumulativeProbability(level) * standardError;
    }

    /** The one-sided upper confidence bound of the mean at {@code level}: the mirror of {@link #lowerBound}. */
    public static double upperBound(double[] values, double level) {
        return -lowerBound(negated(values), level);
    }

    /**
     * The equivalence test (two one-sided tests, TOST) of "the mean lies in [low, high]": the
     * larger of the p-values of mean &gt; low and mean &lt; high. It is below α exactly when the
     * two-sided (1 − 2α) interval of {@link #lowerBound} and {@link #upperBound} lies inside.
     */
    public static double pValueWithin(double[] values, double low, double high) {
        double[] aboveLow = new double[values.length];
        double[] belowHigh = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            aboveLow[i] = values[i] - low;
            belowHigh[i] = high - values[i];
        }
        return Math.max(pValueGreaterThanZero(aboveLow), pValueGreaterThanZero(belowHigh));
    }

    /** The sample standard deviation; NaN for n &lt; 2. */
    public static double standardDeviation(double[] values) {
        int n = values.length;
        return n < 2 ? Double.NaN : standardError(values, mean(values)) * Math.sqrt(n);
    }

    private static double[] negated(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }
}

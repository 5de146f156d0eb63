package dev.loopsim.results.metrics;

/**
 * How strongly genre shares oscillate: for each genre, the daily share of plays is detrended by
 * a least-squares line, its periodogram |Σ_d x_d·e^{−2πikd/n}|² / n is taken over periods from
 * 3 days to n/2 days, and the largest value is kept; the index is the mean of that peak power
 * over genres. A sustained cycle of amplitude A (in share) gives a peak near n·A²/4; noise of
 * variance σ² gives peaks near σ²·ln(n/2).
 */
public final class OscillationIndex {
    /** Fewer days than this leave no periods to look at: the index is NaN. */
    public static final int MINIMUM_DAYS = 8;

    private OscillationIndex() { }

    /** @param shares shares[g][d]: share of day d's plays in genre g (days with no plays hold NaN and are skipped) */
    public static double of(double[][] shares) {
        double total = 0;
        int genres = 0;
        for (double[] series : shares) {
            double[] x = withoutGaps(series);
            if (x.length < MINIMUM_DAYS) {
                continue;
            }
            total += peakPower(detrend(x));
            genres++;
        }
        return genres == 0 ? Double.NaN : total / genres;
    }

    private static double[] withoutGaps(double[] series) {
        return java.util.Arrays.stream(series).filter(v -> !Double.isNaN(v)).toArray();
    }

    static double[] detrend(double[] x) {
        int n = x.length;
        double meanT = (n - 1) / 2.0;
        double meanX = 0;
        for (double v : x) {
            meanX += v;
        }
        meanX /= n;
        double covariance = 0;
        double variance = 0;
        for (int d = 0; d < n; d++) {
            covariance += (d - meanT) * (x[d] - meanX);
            variance += (d - meanT) * (d - meanT);
        }
        double slope = covariance / variance;
        double[] residual = new double[n];
        for (int d = 0; d < n; d++) {
            residual[d] = x[d] - meanX - slope * (d - meanT);
        }
        return residual;
    }

    static double peakPower(double[] x) {
        int n = x.length;
        double peak = 0;
        for (int k = 1; k <= n / 3; k++) { // period n/k ≥ 3 days
            if (n / (double) k > n / 2.0) {
                continue; // period longer than half the series: indistinguishable from a trend
            }
            double re = 0;
            double im = 0;
            for (int d = 0; d < n; d++) {
                double angle = 2 * Math.PI * k * d / n;
                re += x[d] * Math.cos(angle);
                im -= x[d] * Math.sin(angle);
            }
            peak = Math.max(peak, (re * re + im * im) / n);
        }
        return peak;
    }
}

package dev.loopsim.results.metrics;

import java.util.Arrays;
import java.util.List;

/** Closed forms for the exposure and diversity metrics, so each is written, and tested, once. */
public final class Exposure {
    /** Steck (2018): the history distribution is mixed with this much of the list's, so the KL stays finite. */
    public static final double CALIBRATION_SMOOTHING = 0.01;

    private Exposure() { }

    /** Gini coefficient of non-negative counts: 0 when equal, → 1 when one item takes all; NaN when all are 0. */
    public static double gini(long[] counts) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (i + 1) * (double) sorted[i];
        }
        return total == 0 ? Double.NaN : (2 * weighted) / (n * total) - (n + 1.0) / n;
    }

    /**
     * Mean over pairs of 1 − g_i·g_j for the genre mixtures of a list's titles, in O(n·G):
     * Σ_{i≠j} g_i·g_j = |Σ g_i|² − Σ |g_i|².
     */
    public static double intraListDiversity(List<double[]> genres) {
        double[] sum = new double[genres.isEmpty() ? 0 : genres.get(0).length];
        double squares = 0;
        for (double[] g : genres) {
            for (int k = 0; k < g.length; k++) {
                sum[k] += g[k];
                squares += g[k] * g[k];
            }
        }
        return intraListDiversity(sum, squares, genres.size());
    }

    /** The same from the list's sum of mixtures Σ g_i, its Σ |g_i|², and its length n. */
    public static double intraListDiversity(double[] sum, double squares, int n) {
        if (n < 2) {
            return 0;
        }
        double total = 0;
        for (double s : sum) {
            total += s * s;
        }
        return 1 - (total - squares) / (n * (n - 1.0));
    }

    /** KL(p ‖ q̃) with q̃ = (1 − α)·q + α·p (Steck 2018); terms with p_g = 0 contribute 0. */
    public static double calibration(double[] history, double[] list) {
        double kl = 0;
        for (int g = 0; g < history.length; g++) {
            if (history[g] > 0) {
                double smoothed = (1 - CALIBRATION_SMOOTHING) * list[g] + CALIBRATION_SMOOTHING * history[g];
                kl += history[g] * Math.log(history[g] / smoothed);
            }
        }
        return kl;
    }

    /** |A ∩ B| / |A ∪ B| of two sorted sets of distinct ids; 0 for two empty sets. */
    public static double jaccard(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0 : (double) common / union;
    }
}

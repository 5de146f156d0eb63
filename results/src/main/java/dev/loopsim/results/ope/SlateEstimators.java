package dev.loopsim.results.ope;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Estimators of a deterministic target ranker's page value, Σ_k r_k, from pages logged by another
 * policy, with Open Bandit Pipeline's conventions for the first three (its {@code SlateStandardIPS},
 * {@code SlateIndependentIPS}, {@code SlateRewardInteractionIPS}); w_k is 1{the logged title at k is
 * the target's} over the logger's probability:
 * <ul>
 * <li>{@code slate-sips}: the whole page's weight (the logger's probability of the whole slate) times
 *     the page's reward. Unbiased for any reward; the weight is huge (n!/(n−K)! for a uniform logger).</li>
 * <li>{@code slate-iips} (independence): Σ_k w_k·r_k with the logger's marginal P(title at k).
 *     Unbiased when each slot's reward depends on its own title only; needs the logger's marginals:
 *     1/n for a uniform logger.</li>
 * <li>{@code slate-rips} (reward interaction, cascade): Σ_k (Π_{j≤k} w_j)·r_k with the conditional
 *     probabilities, so slot k's reward is weighed by the prefix above it. Unbiased when a slot's
 *     reward depends only on the titles at and above it, as when members browse top-down.</li>
 * <li>{@code slate-pi} (pseudo-inverse, Swaminathan et al. 2017): q_πᵀ Γ⁺ 1_s · R, with 1_s the
 *     slate's (slot, title) indicators, q_π the target's and Γ = E_μ[1_s 1_sᵀ] the logger's second
 *     moments. Unbiased when the page's reward is additive over (slot, title) pairs, with weights far
 *     smaller than SIPS's; for a uniform logger only, whose Γ is known.</li>
 * </ul>
 * Intervals as {@link Estimators}': Clopper–Pearson on the effective count for page rewards in [0, 1].
 */
public final class SlateEstimators {
    public static final List<String> NAMES = List.of("slate-sips", "slate-iips", "slate-rips", "slate-pi");

    private SlateEstimators() { }

    public static OpeEstimate estimate(String name, List<SlateRound> rounds) {
        int n = rounds.size();
        if (n == 0) {
            return OpeEstimate.none(name, OpeEstimate.Diagnostics.NONE, OpeEstimate.Status.REFUSED, "no pages to evaluate");
        }
        double[] contribution = new double[n];
        double[] weight = new double[n];
        boolean bounded = true;
        for (int i = 0; i < n; i++) {
            SlateRound r = rounds.get(i);
            double[] terms = terms(name, r);
            contribution[i] = terms[0];
            weight[i] = terms[1];
            bounded &= r.reward() >= 0 && r.reward() <= 1;
        }
        double mean = 0;
        double sum = 0;
        double squares = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            mean += contribution[i] / n;
            sum += Math.abs(weight[i]);
            squares += weight[i] * weight[i];
            max = Math.max(max, Math.abs(weight[i]));
        }
        double deviations = 0;
        for (double c : contribution) {
            deviations += (c - mean) * (c - mean);
        }
        double se = n > 1 ? Math.sqrt(deviations / (n - 1) / n) : Double.POSITIVE_INFINITY;
        double effective = Estimators.effectiveSize(sum, squares);
        var diagnostics = new OpeEstimate.Diagnostics(effective, max, 0, n);
        return Estimators.withInterval(name, mean, se, effective, bounded, false, n, diagnostics,
                Estimators.Verdict.ofOverlap(diagnostics, "pages"));
    }

    /** A page's contribution to the estimate, and its weight (what multiplies the reward, for the effective sample size). */
    private static double[] terms(String name, SlateRound r) {
        int k = r.slots();
        switch (name) {
            case "slate-sips" -> {
                double w = 1;
                for (int j = 0; j < k; j++) {
                    w *= r.slate()[j] == r.target()[j] ? 1 / r.conditional()[j] : 0;
                }
                return new double[] {w * r.reward(), w};
            }
            case "slate-iips" -> {
                double c = 0;
                double w = 0;
                for (int j = 0; j < k; j++) {
                    double wj = r.slate()[j] == r.target()[j] ? r.poolSize() : 0; // the uniform logger's marginal is 1/n
                    c += wj * r.rewards()[j];
                    w += wj / k;
                }
                return new double[] {c, w};
            }
            case "slate-rips" -> {
                double c = 0;
                double w = 1;
                double mean = 0;
                for (int j = 0; j < k; j++) {
                    w *= r.slate()[j] == r.target()[j] ? 1 / r.conditional()[j] : 0;
                    c += w * r.rewards()[j];
                    mean += w / k;
                }
                return new double[] {c, mean};
            }
            case "slate-pi" -> {
                double[][] v = pseudoInverseWeights(r.poolSize(), k);
                double w = 0;
                for (int j = 0; j < k; j++) {
                    int position = indexOf(r.target(), r.slate()[j]);
                    w += v[j][position >= 0 ? position : k]; // every title outside the target's slate weighs alike
                }
                return new double[] {w * r.reward(), w};
            }
            default -> throw new IllegalArgumentException("unknown slate estimator '" + name + "'; expected one of " + NAMES);
        }
    }

    private static int indexOf(int[] titles, int title) {
        for (int i = 0; i < titles.length; i++) {
            if (titles[i] == title) {
                return i;
            }
        }
        return -1;
    }

    private static final Map<Long, double[][]> PSEUDO_INVERSE = new ConcurrentHashMap<>();

    /**
     * v = Γ⁺ q for the uniform logger over n titles in k slots, with the target's slate relabelled as
     * titles 0..k−1 in slots 0..k−1 (Γ and q depend only on how a title relates to the target's
     * slate): v[j][t] for title t at slot j, t = k standing for any title outside the target's slate.
     */
    static double[][] pseudoInverseWeights(int n, int k) {
        return PSEUDO_INVERSE.computeIfAbsent((long) n << 32 | k, key -> {
            if (n == k) {
                throw new IllegalArgumentException("slate-pi needs a pool larger than the page: every slate of a pool of "
                        + n + " in " + k + " slots holds the same titles");
            }
            int d = k * n;
            double[][] gamma = new double[d][d];
            for (int j = 0; j < k; j++) {
                for (int a = 0; a < n; a++) {
                    for (int l = 0; l < k; l++) {
                        for (int b = 0; b < n; b++) {
                            double p;
                            if (j == l) {
                                p = a == b ? 1.0 / n : 0;
                            } else {
                                p = a == b ? 0 : 1.0 / (n * (n - 1.0));
                            }
                            gamma[j * n + a][l * n + b] = p;
                        }
                    }
                }
            }
            RealMatrix pinv = new SingularValueDecomposition(new Array2DRowRealMatrix(gamma, false)).getSolver().getInverse();
            double[] q = new double[d];
            for (int j = 0; j < k; j++) {
                q[j * n + j] = 1;
            }
            double[] v = pinv.operate(q);
            double[][] weights = new double[k][k + 1];
            for (int j = 0; j < k; j++) {
                for (int t = 0; t <= k; t++) {
                    weights[j][t] = v[j * n + t];
                }
            }
            return weights;
        });
    }
}

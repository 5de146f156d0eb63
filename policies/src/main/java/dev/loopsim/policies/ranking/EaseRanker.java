package dev.loopsim.policies.ranking;

import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.world.Catalog;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * EASE (Steck 2019): the item–item weights B minimising ‖X − XB‖² + λ‖B‖² with diag(B) = 0, in
 * closed form: P = (XᵀX + λI)⁻¹, B_ij = −P_ij / P_jj for i ≠ j. Retrained on the run's own plays,
 * so it closes the feedback loop. The inverse is O(n³) in titles: meant for catalogs of up to a
 * few thousand titles.
 */
public final class EaseRanker implements Ranker {

    /**
     * @param lambda      L2 regularisation λ
     * @param weighting   none, or ips: X holds inverse-propensity weights of the plays (see {@link ExposurePropensity})
     * @param maxWeight   the clip of an inverse-propensity weight
     * @param refitGrowth refit only once the plays (‖X‖², the trace of XᵀX) have grown by this share since
     *                    the last fit; 0 refits at every retrain that has new plays. The fit is O(titles³) and
     *                    a day's plays barely move it once the history is long: 0.05 refits about
     *                    ln(last plays / first plays)/0.05 times in a run instead of once a retrain
     */
    public record Parameters(double lambda, Weighting weighting, double maxWeight, double refitGrowth) {
        public static final Parameters DEFAULTS = new Parameters(10, Weighting.NONE, 10, 0);

        public Parameters {
            Validate.positive("lambda", lambda);
            ExposurePropensity.checkWeighting(weighting, maxWeight);
            Validate.nonNegative("refitGrowth", refitGrowth);
        }
    }

    private final CoOccurrence plays;
    private final Parameters parameters;
    private volatile double[][] weights;
    /** ‖X‖² at the last fit; the Gram matrix changes exactly when this grows (each new play adds w² > 0). */
    private double fittedTrace;
    private int fits;

    public EaseRanker(Catalog catalog, Parameters parameters) {
        this.plays = CoOccurrence.of(catalog.size(), parameters.weighting(), parameters.maxWeight());
        this.parameters = parameters;
        this.weights = new double[catalog.size()][catalog.size()];
    }

    /** Its ranking is a function of the context and of what it learned: no draws. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        return HistoryScores.rank(context, weights, count);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        plays.learn(batch);
    }

    @Override
    public void retrain(double day) {
        double trace = trace(plays.gram());
        // With no plays since the last fit the weights would come out the same bit for bit (with none
        // at all, B = 0 as it starts): at refit_growth 0 skipping changes nothing.
        if (trace > fittedTrace * (1 + parameters.refitGrowth())) {
            weights = fit(plays.gram(), parameters.lambda());
            fittedTrace = trace;
            fits++;
        }
    }

    /** How many times the weights were refit (for tests). */
    int fits() {
        return fits;
    }

    /** B as last fit (for tests). */
    double[][] weights() {
        return weights;
    }

    private static double trace(double[][] gram) {
        double sum = 0;
        for (int i = 0; i < gram.length; i++) {
            sum += gram[i][i];
        }
        return sum;
    }

    /** B from a Gram matrix G and λ. */
    static double[][] fit(double[][] gram, double lambda) {
        int n = gram.length;
        double[][] g = new double[n][];
        for (int i = 0; i < n; i++) {
            g[i] = gram[i].clone();
            g[i][i] += lambda;
        }
        // G is integer counts, symmetric exactly; λI keeps it positive definite.
        double[][] p = inverse(g);
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = i == j ? 0 : -p[i][j] / p[j][j];
            }
        }
        return b;
    }

    /**
     * The inverse of a symmetric positive-definite matrix (overwritten), bit for bit as Commons Math's
     * {@code new CholeskyDecomposition(a).getSolver().getInverse()} computes it: the same Cholesky
     * factor Lᵀ, then L Y = I and Lᵀ X = Y column by column in the same order. The forward solve
     * skips the entries of Y above the diagonal, which stay +0.0 (each would subtract a ±0.0 product
     * from +0.0 or from the identity's 1.0, which leaves it unchanged): a third less arithmetic.
     */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] lt = a;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double maxDelta = CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD
                        * Math.max(Math.abs(lt[i][j]), Math.abs(lt[j][i]));
                if (Math.abs(lt[i][j] - lt[j][i]) > maxDelta) {
                    throw new IllegalArgumentException("not symmetric at (" + i + ", " + j + ")");
                }
                lt[j][i] = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            double[] ltI = lt[i];
            if (!(ltI[i] > CholeskyDecomposition.DEFAULT_ABSOLUTE_POSITIVITY_THRESHOLD)) {
                throw new IllegalArgumentException("not positive definite at " + i + ": " + ltI[i]);
            }
            ltI[i] = Math.sqrt(ltI[i]);
            double inverse = 1.0 / ltI[i];
            for (int q = n - 1; q > i; --q) {
                ltI[q] *= inverse;
                double[] ltQ = lt[q];
                for (int p = q; p < n; ++p) {
                    ltQ[p] -= ltI[q] * ltI[p];
                }
            }
        }
        double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) {
            x[i][i] = 1;
        }
        for (int j = 0; j < n; j++) { // L Y = I: row j of Y is zero beyond column j
            double[] lJ = lt[j];
            double lJJ = lJ[j];
            double[] xJ = x[j];
            for (int k = 0; k <= j; ++k) {
                xJ[k] /= lJJ;
            }
            for (int i = j + 1; i < n; i++) {
                double[] xI = x[i];
                double lJI = lJ[i];
                for (int k = 0; k <= j; ++k) {
                    xI[k] -= xJ[k] * lJI;
                }
            }
        }
        for (int j = n - 1; j >= 0; j--) { // Lᵀ X = Y
            double lJJ = lt[j][j];
            double[] xJ = x[j];
            for (int k = 0; k < n; ++k) {
                xJ[k] /= lJJ;
            }
            for (int i = 0; i < j; i++) {
                double[] xI = x[i];
                double lIJ = lt[i][j];
                for (int k = 0; k < n; ++k) {
                    xI[k] -= xJ[k] * lIJ;
                }
            }
        }
        return x;
    }
}

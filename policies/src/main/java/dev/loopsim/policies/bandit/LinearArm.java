package dev.loopsim.policies.bandit;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import dev.loopsim.core.world.Vectors;

/**
 * Bayesian linear regression of one arm's reward on a context: with prior precision λ·I,
 * A = λI + Σ x·xᵀ and b = Σ r·x, the posterior mean is θ̂ = A⁻¹b. A⁻¹ is kept up to date with
 * the Sherman–Morrison rank-one update, so no matrix is ever inverted.
 *
 * <p>The mean and the Cholesky factor of A⁻¹ are computed once per change: choices ask for them
 * once per arm scored (a page scores many), and the model changes only when feedback arrives.
 * Readers that race compute the same values, so the caches need no lock.
 */
final class LinearArm {
    private final double[][] inverse; // A⁻¹
    private final double[] b;
    private volatile double[] mean;
    private volatile double[][] factor;

    LinearArm(int dimension, double priorPrecision) {
        if (!(priorPrecision > 0)) {
            throw new IllegalArgumentException("prior precision must be > 0, found " + priorPrecision);
        }
        inverse = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            inverse[i][i] = 1 / priorPrecision;
        }
        b = new double[dimension];
    }

    static LinearArm[] models(int count, int dimension, double priorPrecision) {
        LinearArm[] models = new LinearArm[count];
        for (int a = 0; a < count; a++) {
            models[a] = new LinearArm(dimension, priorPrecision);
        }
        return models;
    }

    int dimension() {
        return b.length;
    }

    /** A ← A + x·xᵀ, b ← b + r·x: (A + xxᵀ)⁻¹ = A⁻¹ − A⁻¹x·xᵀA⁻¹ / (1 + xᵀA⁻¹x). */
    void update(double[] x, double reward) {
        double[] ax = times(x);
        double denominator = 1 + Vectors.dot(x, ax);
        int d = b.length;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                inverse[i][j] -= ax[i] * ax[j] / denominator;
            }
            b[i] += reward * x[i];
        }
        mean = null;
        factor = null;
    }

    /** b ← b + r·x, A unchanged: a late reward for an observation already counted. */
    void credit(double[] x, double reward) {
        for (int i = 0; i < b.length; i++) {
            b[i] += reward * x[i];
        }
        mean = null;
    }

    /** θ̂ = A⁻¹b; shared, not to be modified. */
    double[] mean() {
        double[] current = mean;
        if (current == null) {
            current = times(b);
            mean = current;
        }
        return current;
    }

    /** Lower-triangular L with L·Lᵀ = A⁻¹; shared, not to be modified. */
    double[][] factor() {
        double[][] current = factor;
        if (current == null) {
            current = cholesky(inverse);
            factor = current;
        }
        return current;
    }

    /** L·Lᵀ = S, S symmetrised first: rank-one updates leave rounding asymmetry. */
    private static double[][] cholesky(double[][] s) {
        int d = s.length;
        double[][] symmetric = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                symmetric[i][j] = (s[i][j] + s[j][i]) / 2;
            }
        }
        return new CholeskyDecomposition(new Array2DRowRealMatrix(symmetric, false), 1e-9, 1e-14).getL().getData();
    }

    /** A⁻¹x. */
    double[] times(double[] x) {
        int d = b.length;
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += inverse[i][j] * x[j];
            }
            out[i] = sum;
        }
        return out;
    }

    /** xᵀA⁻¹x: the posterior variance (in units of the noise variance) of the mean reward at x. */
    double variance(double[] x) {
        return Vectors.dot(x, times(x));
    }

    /** A copy of A⁻¹. */
    double[][] covariance() {
        double[][] copy = new double[b.length][];
        for (int i = 0; i < b.length; i++) {
            copy[i] = inverse[i].clone();
        }
        return copy;
    }
}

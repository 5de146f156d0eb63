package dev.loopsim.policies.bandit;

import dev.loopsim.core.world.Vectors;

/**
 * Bayesian linear regression of one arm's reward on a context: with prior precision λ·I,
 * A = λI + Σ x·xᵀ and b = Σ r·x, the posterior mean is θ̂ = A⁻¹b. A⁻¹ is kept up to date with
 * the Sherman–Morrison rank-one update, so no matrix is ever inverted.
 */
final class LinearArm {
    private final double[][] inverse; // A⁻¹
    private final double[] b;

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
    }

    /** b ← b + r·x, A unchanged: a late reward for an observation already counted. */
    void credit(double[] x, double reward) {
        for (int i = 0; i < b.length; i++) {
            b[i] += reward * x[i];
        }
    }

    /** θ̂ = A⁻¹b. */
    double[] mean() {
        return times(b);
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

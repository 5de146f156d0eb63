package dev.loopsim.policies.bandit;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Linear Thompson sampling (Agrawal and Goyal 2013): per arm, θ̃ ~ N(θ̂, v²·A⁻¹), then the arm
 * maximising θ̃ᵀx. The Gaussian draw uses a Cholesky factor of A⁻¹ (Commons Math). The propensity is estimated by
 * re-drawing {@code propensityDraws} times, floored at 1/(draws + 1).
 */
public final class LinearThompson implements BanditPolicy {
    private final LinearArm[] models;
    private final double scale;
    private final int propensityDraws;

    public LinearThompson(int arms, int dimension, double scale, double priorPrecision, int propensityDraws) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, found " + scale);
        }
        models = new LinearArm[arms];
        for (int a = 0; a < arms; a++) {
            models[a] = new LinearArm(dimension, priorPrecision);
        }
        this.scale = scale;
        this.propensityDraws = propensityDraws;
    }

    @Override
    public int arms() {
        return models.length;
    }

    private int draw(double[][] contexts, double[][][] factors, ZigguratSampler.NormalizedGaussian gaussian) {
        double[] scores = new double[models.length];
        for (int a = 0; a < models.length; a++) {
            double[] mean = models[a].mean();
            double[][] l = factors[a];
            int d = mean.length;
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = gaussian.sample();
            }
            double score = 0;
            for (int i = 0; i < d; i++) {
                double theta = mean[i];
                for (int j = 0; j <= i; j++) {
                    theta += scale * l[i][j] * z[j];
                }
                score += theta * contexts[a][i];
            }
            scores[a] = score;
        }
        return ArmStatistics.argmax(scores);
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        double[][][] factors = new double[models.length][][];
        for (int a = 0; a < models.length; a++) {
            factors[a] = cholesky(models[a].covariance());
        }
        return Redraws.choose(() -> draw(contexts, factors, gaussian), propensityDraws);
    }

    /** Lower-triangular L with L·Lᵀ = S (S symmetrised first: rank-one updates leave rounding asymmetry). */
    static double[][] cholesky(double[][] s) {
        int d = s.length;
        double[][] symmetric = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                symmetric[i][j] = (s[i][j] + s[j][i]) / 2;
            }
        }
        return new CholeskyDecomposition(new Array2DRowRealMatrix(symmetric, false), 1e-9, 1e-14).getL().getData();
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        models[arm].update(context, reward);
    }

    /** The posterior mean θ̂ of an arm. */
    public double[] mean(int arm) {
        return models[arm].mean();
    }

    /** The posterior covariance factor A⁻¹ of an arm (times scale² for the sampling covariance). */
    public double[][] covariance(int arm) {
        return models[arm].covariance();
    }

    @Override
    public void credit(int arm, double[] context, double reward) {
        models[arm].credit(context, reward);
    }
}

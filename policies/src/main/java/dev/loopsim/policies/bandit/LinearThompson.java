package dev.loopsim.policies.bandit;

import dev.loopsim.core.world.Vectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Linear Thompson sampling (Agrawal and Goyal 2013): per arm, θ̃ ~ N(θ̂, v²·A⁻¹), then the arm
 * maximising θ̃ᵀx. The Gaussian draw uses a Cholesky factor of A⁻¹ (Commons Math). The propensity is estimated by
 * re-drawing {@code propensityDraws} times, floored at 1/(draws + 1). {@link #shared} makes one
 * model for every arm, as in {@link LinUcb#shared}.
 */
public final class LinearThompson implements BanditPolicy {
    private final LinearArm[] models;
    private final boolean shared;
    private final double scale;
    private final int propensityDraws;

    public LinearThompson(int arms, int dimension, double scale, double priorPrecision, int propensityDraws) {
        this(arms, false, dimension, scale, priorPrecision, propensityDraws);
    }

    private LinearThompson(int arms, boolean shared, int dimension, double scale, double priorPrecision,
                           int propensityDraws) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, found " + scale);
        }
        models = LinearArm.models(shared ? 1 : arms, dimension, priorPrecision);
        this.shared = shared;
        this.scale = scale;
        this.propensityDraws = propensityDraws;
    }

    /** One linear model shared by any number of arms. */
    public static LinearThompson shared(int dimension, double scale, double priorPrecision, int propensityDraws) {
        return new LinearThompson(1, true, dimension, scale, priorPrecision, propensityDraws);
    }

    /** The number of arms; {@link Integer#MAX_VALUE} for a shared model, which takes any number. */
    @Override
    public int arms() {
        return shared ? Integer.MAX_VALUE : models.length;
    }

    private LinearArm model(int arm) {
        return models[shared ? 0 : arm];
    }

    /** θ̃ ~ N(θ̂, scale²·A⁻¹) for each model, from the Cholesky factor of A⁻¹. */
    private double[][] sampleParameters(ZigguratSampler.NormalizedGaussian gaussian) {
        double[][] thetas = new double[models.length][];
        for (int m = 0; m < models.length; m++) {
            double[] mean = models[m].mean();
            double[][] l = models[m].factor();
            int d = mean.length;
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = gaussian.sample();
            }
            double[] theta = mean.clone();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    theta[i] += scale * l[i][j] * z[j];
                }
            }
            thetas[m] = theta;
        }
        return thetas;
    }

    private int draw(double[][] contexts, ZigguratSampler.NormalizedGaussian gaussian) {
        double[][] thetas = sampleParameters(gaussian);
        int k = shared ? contexts.length : models.length;
        double[] scores = new double[k];
        for (int a = 0; a < k; a++) {
            scores[a] = Vectors.dot(thetas[shared ? 0 : a], contexts[a]);
        }
        return ArmStatistics.argmax(scores);
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        return Redraws.choose(() -> draw(contexts, gaussian), propensityDraws);
    }

    /** Ranking: one parameter sample per model, then θ̃ᵀx per arm. */
    @Override
    public double[] scores(int[] arms, double[][] contexts, UniformRandomProvider random) {
        double[][] thetas = sampleParameters(ZigguratSampler.NormalizedGaussian.of(random));
        double[] scores = new double[arms.length];
        for (int k = 0; k < arms.length; k++) {
            scores[k] = Vectors.dot(thetas[shared ? 0 : arms[k]], contexts[k]);
        }
        return scores;
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        model(arm).update(context, reward);
    }

    /** The posterior mean θ̂ of an arm. */
    public double[] mean(int arm) {
        return model(arm).mean().clone();
    }

    /** The posterior covariance factor A⁻¹ of an arm (times scale² for the sampling covariance). */
    public double[][] covariance(int arm) {
        return model(arm).covariance();
    }

    @Override
    public void credit(int arm, double[] context, double reward) {
        model(arm).credit(context, reward);
    }
}

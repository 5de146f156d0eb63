package dev.loopsim.policies.bandit;

import dev.loopsim.core.world.Vectors;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * LinUCB with disjoint linear models (Li, Chu, Langford and Schapire 2010): the arm maximising
 * θ̂_aᵀx_a + α·√(x_aᵀA_a⁻¹x_a). Deterministic: propensity 1.
 */
public final class LinUcb implements BanditPolicy {
    private final LinearArm[] models;
    private final double alpha;

    public LinUcb(int arms, int dimension, double alpha, double priorPrecision) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("alpha must be >= 0, found " + alpha);
        }
        models = new LinearArm[arms];
        for (int a = 0; a < arms; a++) {
            models[a] = new LinearArm(dimension, priorPrecision);
        }
        this.alpha = alpha;
    }

    @Override
    public int arms() {
        return models.length;
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        double[] scores = new double[models.length];
        for (int a = 0; a < models.length; a++) {
            double[] x = contexts[a];
            scores[a] = Vectors.dot(models[a].mean(), x) + alpha * Math.sqrt(models[a].variance(x));
        }
        return new ArmChoice(ArmStatistics.argmax(scores), 1);
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        models[arm].update(context, reward);
    }

    /** The posterior mean θ̂ of an arm, for tests and inspection. */
    public double[] mean(int arm) {
        return models[arm].mean();
    }

    @Override
    public void credit(int arm, double[] context, double reward) {
        models[arm].credit(context, reward);
    }
}

package dev.loopsim.policies.bandit;

import dev.loopsim.core.world.Vectors;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * LinUCB with disjoint linear models (Li, Chu, Langford and Schapire 2010): the arm maximising
 * θ̂_aᵀx_a + α·√(x_aᵀA_a⁻¹x_a). Deterministic: propensity 1. {@link #shared} makes one model for
 * every arm (arms then differ only by their features), which lets evidence flow between arms and
 * takes any number of arms.
 */
public final class LinUcb implements BanditPolicy {
    private final LinearArm[] models;
    private final boolean shared;
    private final double alpha;

    public LinUcb(int arms, int dimension, double alpha, double priorPrecision) {
        this(arms, false, dimension, alpha, priorPrecision);
    }

    private LinUcb(int arms, boolean shared, int dimension, double alpha, double priorPrecision) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("alpha must be >= 0, found " + alpha);
        }
        models = LinearArm.models(shared ? 1 : arms, dimension, priorPrecision);
        this.shared = shared;
        this.alpha = alpha;
    }

    /** One linear model shared by any number of arms. */
    public static LinUcb shared(int dimension, double alpha, double priorPrecision) {
        return new LinUcb(1, true, dimension, alpha, priorPrecision);
    }

    /** The number of arms; {@link Integer#MAX_VALUE} for a shared model, which takes any number. */
    @Override
    public int arms() {
        return shared ? Integer.MAX_VALUE : models.length;
    }

    private LinearArm model(int arm) {
        return models[shared ? 0 : arm];
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        int k = shared ? contexts.length : models.length;
        double[] scores = new double[k];
        for (int a = 0; a < k; a++) {
            scores[a] = index(a, contexts[a]);
        }
        return new ArmChoice(ArmStatistics.argmax(scores), 1);
    }

    private double index(int arm, double[] x) {
        LinearArm model = model(arm);
        return Vectors.dot(model.mean(), x) + alpha * Math.sqrt(model.variance(x));
    }

    @Override
    public double[] scores(int[] arms, double[][] contexts, UniformRandomProvider random) {
        double[] scores = new double[arms.length];
        for (int k = 0; k < arms.length; k++) {
            scores[k] = index(arms[k], contexts[k]);
        }
        return scores;
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        model(arm).update(context, reward);
    }

    /** The posterior mean θ̂ of an arm, for tests and inspection. */
    public double[] mean(int arm) {
        return model(arm).mean().clone();
    }

    @Override
    public void credit(int arm, double[] context, double reward) {
        model(arm).credit(context, reward);
    }
}

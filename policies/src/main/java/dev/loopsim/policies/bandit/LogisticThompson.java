package dev.loopsim.policies.bandit;

import dev.loopsim.core.world.Vectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Thompson sampling for a logistic reward model per arm, with the Laplace approximation of
 * Chapelle and Li (2011): a Gaussian posterior with diagonal precision q. An observation
 * (x, y) moves the mean to the MAP of ½Σ q_i(w_i − m_i)² − log-likelihood (a few diagonal
 * Newton steps) and adds σ(1 − σ)·x_i² to each precision. A choice samples w ~ N(m, diag(1/q))
 * per arm and takes the largest wᵀx. Propensity estimated by re-drawing.
 */
public final class LogisticThompson implements BanditPolicy {
    private static final int NEWTON_STEPS = 5;
    private final double[][] means;
    private final double[][] precisions;
    private final int propensityDraws;

    public LogisticThompson(int arms, int dimension, double priorPrecision, int propensityDraws) {
        if (!(priorPrecision > 0)) {
            throw new IllegalArgumentException("prior precision must be > 0, found " + priorPrecision);
        }
        means = new double[arms][dimension];
        precisions = new double[arms][dimension];
        for (double[] q : precisions) {
            java.util.Arrays.fill(q, priorPrecision);
        }
        this.propensityDraws = propensityDraws;
    }

    @Override
    public int arms() {
        return means.length;
    }

    private int draw(double[][] contexts, ZigguratSampler.NormalizedGaussian gaussian) {
        double[] scores = new double[means.length];
        for (int a = 0; a < means.length; a++) {
            double score = 0;
            for (int i = 0; i < means[a].length; i++) {
                double w = means[a][i] + gaussian.sample() / Math.sqrt(precisions[a][i]);
                score += w * contexts[a][i];
            }
            scores[a] = score;
        }
        return ArmStatistics.argmax(scores);
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        return Redraws.choose(() -> draw(contexts, gaussian), propensityDraws);
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        double[] m = means[arm];
        double[] q = precisions[arm];
        double[] w = m.clone();
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double p = sigmoid(Vectors.dot(w, context));
            for (int i = 0; i < w.length; i++) {
                double gradient = q[i] * (w[i] - m[i]) + (p - reward) * context[i];
                double curvature = q[i] + p * (1 - p) * context[i] * context[i];
                w[i] -= gradient / curvature;
            }
        }
        double p = sigmoid(Vectors.dot(w, context));
        for (int i = 0; i < w.length; i++) {
            m[i] = w[i];
            q[i] += p * (1 - p) * context[i] * context[i];
        }
    }

    /**
     * A Laplace posterior cannot turn a counted 0 into a 1; a late positive outcome is added as
     * one more positive observation of the same context.
     */
    @Override
    public void credit(int arm, double[] context, double reward) {
        if (reward > 0) {
            update(arm, context, 1);
        }
    }

    /** The posterior mean of an arm's weights. */
    public double[] mean(int arm) {
        return means[arm].clone();
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}

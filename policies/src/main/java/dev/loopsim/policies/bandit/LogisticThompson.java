package dev.loopsim.policies.bandit;

import dev.loopsim.core.world.Vectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Thompson sampling for a logistic reward model per arm, with the Laplace approximation of
 * Chapelle and Li (2011): a Gaussian posterior with diagonal precision q. An observation
 * (x, y) moves the mean to the MAP of ½Σ q_i(w_i − m_i)² − log-likelihood (a few diagonal
 * Newton steps) and adds σ(1 − σ)·x_i² to each precision. A choice samples w ~ N(m, diag(1/q))
 * per arm and takes the largest wᵀx. Propensity estimated by re-drawing. {@link #shared} makes
 * one model for every arm, as in {@link LinUcb#shared}.
 */
public final class LogisticThompson implements BanditPolicy {
    private static final int NEWTON_STEPS = 5;
    private final double[][] means;
    private final double[][] precisions;
    private final boolean shared;
    private final int propensityDraws;

    public LogisticThompson(int arms, int dimension, double priorPrecision, int propensityDraws) {
        this(arms, false, dimension, priorPrecision, propensityDraws);
    }

    private LogisticThompson(int arms, boolean shared, int dimension, double priorPrecision, int propensityDraws) {
        if (!(priorPrecision > 0)) {
            throw new IllegalArgumentException("prior precision must be > 0, found " + priorPrecision);
        }
        int models = shared ? 1 : arms;
        means = new double[models][dimension];
        precisions = new double[models][dimension];
        for (double[] q : precisions) {
            java.util.Arrays.fill(q, priorPrecision);
        }
        this.shared = shared;
        this.propensityDraws = propensityDraws;
    }

    /** One logistic model shared by any number of arms. */
    public static LogisticThompson shared(int dimension, double priorPrecision, int propensityDraws) {
        return new LogisticThompson(1, true, dimension, priorPrecision, propensityDraws);
    }

    /** The number of arms; {@link Integer#MAX_VALUE} for a shared model, which takes any number. */
    @Override
    public int arms() {
        return shared ? Integer.MAX_VALUE : means.length;
    }

    private int model(int arm) {
        return shared ? 0 : arm;
    }

    /** w ~ N(m, diag(1/q)) for each model. */
    private double[][] sampleWeights(ZigguratSampler.NormalizedGaussian gaussian) {
        double[][] weights = new double[means.length][];
        for (int m = 0; m < means.length; m++) {
            weights[m] = new double[means[m].length];
            for (int i = 0; i < weights[m].length; i++) {
                weights[m][i] = means[m][i] + gaussian.sample() / Math.sqrt(precisions[m][i]);
            }
        }
        return weights;
    }

    private int draw(double[][] contexts, ZigguratSampler.NormalizedGaussian gaussian) {
        double[][] weights = sampleWeights(gaussian);
        int k = shared ? contexts.length : means.length;
        double[] scores = new double[k];
        for (int a = 0; a < k; a++) {
            scores[a] = Vectors.dot(weights[model(a)], contexts[a]);
        }
        return ArmStatistics.argmax(scores);
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        return Redraws.choose(() -> draw(contexts, gaussian), propensityDraws);
    }

    /** Ranking: one weight sample per model, then wᵀx per arm. */
    @Override
    public double[] scores(int[] arms, double[][] contexts, UniformRandomProvider random) {
        double[][] weights = sampleWeights(ZigguratSampler.NormalizedGaussian.of(random));
        double[] scores = new double[arms.length];
        for (int k = 0; k < arms.length; k++) {
            scores[k] = Vectors.dot(weights[model(arms[k])], contexts[k]);
        }
        return scores;
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        double[] m = means[model(arm)];
        double[] q = precisions[model(arm)];
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
        return means[model(arm)].clone();
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}

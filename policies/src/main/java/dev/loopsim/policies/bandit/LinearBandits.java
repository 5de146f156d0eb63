package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A linear contextual Bernoulli bandit: each step draws a context x on the probability simplex
 * (a flat Dirichlet: normalised exponentials), the same for every arm, and arm a pays 1 with
 * probability θ_aᵀx, θ_a drawn once in [0, 1]^d. Contextual policies with a model per arm are
 * well specified here; a context-free policy can at best find the arm with the highest mean over
 * contexts. Regret is measured against the best arm for each step's context.
 */
public final class LinearBandits implements BanditWorld {
    private final double[][] thetas;

    /** @param world draws the arms' parameters */
    public LinearBandits(int arms, int dimension, UniformRandomProvider world) {
        if (arms < 2) {
            throw new IllegalArgumentException("a bandit needs at least two arms, found " + arms);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, found " + dimension);
        }
        thetas = new double[arms][dimension];
        for (double[] theta : thetas) {
            for (int i = 0; i < dimension; i++) {
                theta[i] = world.nextDouble();
            }
        }
    }

    @Override
    public int arms() {
        return thetas.length;
    }

    @Override
    public int dimension() {
        return thetas[0].length;
    }

    /** θ_a, for tests. */
    public double[] theta(int arm) {
        return thetas[arm].clone();
    }

    @Override
    public Outcome play(BanditPolicy policy, long[] checkpoints, UniformRandomProvider policyRandom,
                        UniformRandomProvider worldRandom) {
        if (policy.arms() != thetas.length && policy.arms() != Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the policy has " + policy.arms() + " arms, the world " + thetas.length);
        }
        int k = thetas.length;
        int d = dimension();
        double[] regret = new double[checkpoints.length];
        double cumulative = 0;
        long optimal = 0;
        int next = 0;
        double[][] contexts = new double[k][];
        double[] means = new double[k];
        for (long step = 1; next < checkpoints.length; step++) {
            double[] x = new double[d];
            double sum = 0;
            for (int i = 0; i < d; i++) {
                x[i] = -Math.log(1 - worldRandom.nextDouble());
                sum += x[i];
            }
            double best = 0;
            for (int i = 0; i < d; i++) {
                x[i] /= sum;
            }
            for (int a = 0; a < k; a++) {
                contexts[a] = x;
                means[a] = dev.loopsim.core.world.Vectors.dot(thetas[a], x);
                best = Math.max(best, means[a]);
            }
            int arm = policy.choose(contexts, policyRandom).arm();
            cumulative += best - means[arm];
            optimal += means[arm] == best ? 1 : 0;
            policy.update(arm, x, worldRandom.nextDouble() < means[arm] ? 1 : 0);
            while (next < checkpoints.length && checkpoints[next] == step) {
                regret[next++] = cumulative;
            }
        }
        return new Outcome(regret, optimal / (double) checkpoints[checkpoints.length - 1], Double.NaN);
    }
}

package dev.loopsim.policies.bandit;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The classic K-armed Bernoulli bandit, for algorithm-level checks. Regret is the expected
 * regret Σ_t (μ* − μ_{a_t}), computed from the true means, not from the sampled rewards.
 */
public final class BernoulliBandits implements BanditWorld {
    private final double[] means;
    private final double best;

    public BernoulliBandits(double[] means) {
        if (means.length < 2) {
            throw new IllegalArgumentException("a bandit needs at least two arms, found " + means.length);
        }
        for (double m : means) {
            if (!(m >= 0 && m <= 1)) {
                throw new IllegalArgumentException("arm means must be in [0, 1], found " + m);
            }
        }
        this.means = means.clone();
        this.best = Arrays.stream(means).max().orElseThrow();
    }

    @Override
    public int arms() {
        return means.length;
    }

    /** One constant feature, so that contextual policies play it as a plain Bernoulli bandit. */
    @Override
    public int dimension() {
        return 1;
    }

    /**
     * Runs a policy for {@code checkpoints[last]} steps and returns the expected cumulative
     * regret at each checkpoint (ascending step counts).
     *
     * @param policyRandom the policy's own stream
     * @param rewardRandom the world's stream for the Bernoulli rewards
     */
    public double[] run(BanditPolicy policy, long[] checkpoints, UniformRandomProvider policyRandom,
                        UniformRandomProvider rewardRandom) {
        return play(policy, checkpoints, policyRandom, rewardRandom).regret();
    }

    @Override
    public Outcome play(BanditPolicy policy, long[] checkpoints, UniformRandomProvider policyRandom,
                        UniformRandomProvider rewardRandom) {
        if (policy.arms() != means.length) {
            throw new IllegalArgumentException("the policy has " + policy.arms() + " arms, the world " + means.length);
        }
        double[] regret = new double[checkpoints.length];
        double cumulative = 0;
        long optimal = 0;
        double[][] constant = new double[means.length][];
        java.util.Arrays.fill(constant, new double[] {1});
        int next = 0;
        for (long step = 1; next < checkpoints.length; step++) {
            int arm = policy.choose(constant, policyRandom).arm();
            cumulative += best - means[arm];
            optimal += means[arm] == best ? 1 : 0;
            policy.update(arm, constant[arm], rewardRandom.nextDouble() < means[arm] ? 1 : 0);
            while (next < checkpoints.length && checkpoints[next] == step) {
                regret[next++] = cumulative;
            }
        }
        return new Outcome(regret, optimal / (double) checkpoints[checkpoints.length - 1]);
    }
}

package dev.loopsim.policies.bandit;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The classic K-armed Bernoulli bandit, for algorithm-level checks, stationary or switching: its
 * means may change at given steps (a non-stationary world, where forgetting pays). Regret is the
 * expected regret Σ_t (μ*_t − μ_{a_t, t}) against the best arm of each step's means, computed from
 * the true means, not from the sampled rewards.
 */
public final class BernoulliBandits implements BanditWorld {
    private final double[][] means;
    private final long[] starts;

    public BernoulliBandits(double[] means) {
        this(new double[][] {means}, new long[] {1});
    }

    /**
     * @param means  the arms' means in each phase
     * @param starts the first step of each phase: 1, then ascending
     */
    public BernoulliBandits(double[][] means, long[] starts) {
        if (means.length == 0 || means.length != starts.length || starts[0] != 1) {
            throw new IllegalArgumentException("one start per phase, the first at step 1");
        }
        for (int p = 0; p < means.length; p++) {
            if (means[p].length < 2 || means[p].length != means[0].length) {
                throw new IllegalArgumentException("every phase needs the same number (at least two) of arms");
            }
            if (p > 0 && starts[p] <= starts[p - 1]) {
                throw new IllegalArgumentException("phases must start at ascending steps, found " + Arrays.toString(starts));
            }
            for (double m : means[p]) {
                if (!(m >= 0 && m <= 1)) {
                    throw new IllegalArgumentException("arm means must be in [0, 1], found " + m);
                }
            }
        }
        this.means = Arrays.stream(means).map(double[]::clone).toArray(double[][]::new);
        this.starts = starts.clone();
    }

    @Override
    public int arms() {
        return means[0].length;
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
        if (policy.arms() != arms()) {
            throw new IllegalArgumentException("the policy has " + policy.arms() + " arms, the world " + arms());
        }
        long steps = checkpoints[checkpoints.length - 1];
        long lastTenth = steps - steps / 10;
        double[] regret = new double[checkpoints.length];
        long[] pullsAtTheEnd = new long[arms()];
        double cumulative = 0;
        long optimal = 0;
        double[][] constant = new double[arms()][];
        Arrays.fill(constant, new double[] {1});
        int phase = 0;
        double[] current = means[0];
        double best = Arrays.stream(current).max().orElseThrow();
        int next = 0;
        for (long step = 1; next < checkpoints.length; step++) {
            if (phase + 1 < starts.length && step == starts[phase + 1]) {
                current = means[++phase];
                best = Arrays.stream(current).max().orElseThrow();
            }
            int arm = policy.choose(constant, policyRandom).arm();
            cumulative += best - current[arm];
            optimal += current[arm] == best ? 1 : 0;
            pullsAtTheEnd[arm] += step > lastTenth ? 1 : 0;
            policy.update(arm, constant[arm], rewardRandom.nextDouble() < current[arm] ? 1 : 0);
            while (next < checkpoints.length && checkpoints[next] == step) {
                regret[next++] = cumulative;
            }
        }
        int most = 0;
        for (int a = 1; a < arms(); a++) {
            most = pullsAtTheEnd[a] > pullsAtTheEnd[most] ? a : most;
        }
        return new Outcome(regret, optimal / (double) steps, current[most] == best ? 1 : 0);
    }
}

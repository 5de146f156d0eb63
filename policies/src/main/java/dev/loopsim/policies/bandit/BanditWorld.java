package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A classic bandit problem for algorithm-level checks: each step shows the policy a context per
 * arm, the policy pulls one, and a Bernoulli reward is drawn from the true mean. Regret is the
 * expected regret Σ_t (μ*_t − μ_{a_t,t}), computed from the true means, not from the sampled rewards.
 */
public interface BanditWorld {

    int arms();

    /** Features per arm a contextual policy reads (0 for a context-free world). */
    int dimension();

    /**
     * Expected cumulative regret at each checkpoint, the share of all steps that pulled a best arm,
     * and whether the arm pulled most over the last tenth of the steps is a best arm at the end (1 or
     * 0; NaN in a contextual world, where the best arm is the context's).
     */
    record Outcome(double[] regret, double optimalShare, double foundBest) { }

    /**
     * Runs a policy for {@code checkpoints[last]} steps.
     *
     * @param checkpoints  ascending step counts at which to report the regret
     * @param policyRandom the policy's own stream
     * @param worldRandom  the world's stream: contexts and rewards
     */
    Outcome play(BanditPolicy policy, long[] checkpoints, UniformRandomProvider policyRandom,
                 UniformRandomProvider worldRandom);
}

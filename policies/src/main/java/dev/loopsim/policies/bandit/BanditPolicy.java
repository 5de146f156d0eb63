package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A bandit over {@code arms()} arms. Non-contextual policies ignore the context (pass an empty
 * array); contextual ones read a feature vector per arm.
 */
public interface BanditPolicy {

    int arms();

    /**
     * Chooses an arm.
     *
     * @param contexts a feature vector per arm ({@code contexts[a]}); empty for non-contextual policies
     * @param random   the only randomness the policy may use
     */
    ArmChoice choose(double[][] contexts, UniformRandomProvider random);

    /**
     * A ranking score for each of {@code arms} (higher first), so that many arms are ranked in one
     * pass: the policy's own index, with its randomness drawn once for the list (a posterior sample,
     * a Gumbel perturbation, an exploration coin per arm). Sorting by it fills a row's slots.
     *
     * @param contexts a feature vector per listed arm ({@code contexts[k]} for {@code arms[k]}); empty
     *                 arrays for non-contextual policies
     */
    double[] scores(int[] arms, double[][] contexts, UniformRandomProvider random);

    /** A reward (in [0, 1] for Bernoulli policies) observed for an arm chosen in the given context. */
    void update(int arm, double[] context, double reward);

    /**
     * A reward that arrives after the pull it belongs to was already counted (with reward 0):
     * adds the reward without a new pull. This is how delayed outcomes such as completions reach
     * a bandit.
     */
    void credit(int arm, double[] context, double reward);

    /**
     * A guardrail outcome (1 for a quality play, else 0) of a play from {@code arm}; only a bandit
     * registered with a guardrail learns from it, the rest ignore it.
     */
    default void updateGuardrail(int arm, double outcome) { }
}

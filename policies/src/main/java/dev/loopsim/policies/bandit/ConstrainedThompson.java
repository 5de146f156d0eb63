package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;

/**
 * Thompson sampling with a guardrail: each arm has a Bernoulli primary reward and a Bernoulli
 * guardrail metric (e.g. completion), each with a Beta posterior. A choice samples both; among
 * arms whose sampled guardrail is at least {@code threshold}, the best sampled primary wins; if
 * no arm clears it, the arm with the best sampled guardrail does. Propensity: estimated by
 * re-drawing, as in {@link ThompsonSampling}.
 *
 * <p>{@link #update} takes the primary reward; {@link #updateGuardrail} the guardrail outcome of
 * the same pull, which may arrive later.
 */
public final class ConstrainedThompson implements BanditPolicy {
    private final ArmStatistics primary;
    private final ArmStatistics guardrail;
    private final double threshold;
    private final int propensityDraws;

    public ConstrainedThompson(int arms, double threshold, int propensityDraws) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], found " + threshold);
        }
        this.primary = new ArmStatistics(arms);
        this.guardrail = new ArmStatistics(arms);
        this.threshold = threshold;
        this.propensityDraws = propensityDraws;
    }

    @Override
    public int arms() {
        return primary.arms();
    }

    private int draw(UniformRandomProvider random) {
        int k = arms();
        int bestFeasible = -1;
        double bestPrimary = -1;
        int bestGuardrail = 0;
        double bestGuardrailValue = -1;
        for (int a = 0; a < k; a++) {
            double p = sample(primary, a, random);
            double g = sample(guardrail, a, random);
            if (g >= threshold && p > bestPrimary) {
                bestPrimary = p;
                bestFeasible = a;
            }
            if (g > bestGuardrailValue) {
                bestGuardrailValue = g;
                bestGuardrail = a;
            }
        }
        return bestFeasible >= 0 ? bestFeasible : bestGuardrail;
    }

    private static double sample(ArmStatistics stats, int arm, UniformRandomProvider random) {
        double s = stats.rewards[arm];
        return ChengBetaSampler.of(random, 1 + s, 1 + stats.pulls[arm] - s).sample();
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        return Redraws.choose(() -> draw(random), propensityDraws);
    }

    /** Ranking: arms whose sampled guardrail clears the threshold first, by sampled primary; then the rest by guardrail. */
    @Override
    public double[] scores(int[] arms, double[][] contexts, UniformRandomProvider random) {
        double[] scores = new double[arms.length];
        for (int k = 0; k < arms.length; k++) {
            double p = sample(primary, arms[k], random);
            double g = sample(guardrail, arms[k], random);
            scores[k] = g >= threshold ? 1 + p : g;
        }
        return scores;
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        primary.add(arm, reward);
    }

    @Override
    public void credit(int arm, double[] context, double reward) {
        primary.credit(arm, reward);
    }

    /** The guardrail outcome (0 or 1) of a pull of {@code arm}. */
    @Override
    public void updateGuardrail(int arm, double outcome) {
        guardrail.add(arm, outcome);
    }
}

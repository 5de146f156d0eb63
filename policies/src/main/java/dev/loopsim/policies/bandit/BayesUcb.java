package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Bayes-UCB for Bernoulli arms (Kaufmann, Cappé and Garivier 2012): the arm whose
 * Beta(1 + s, 1 + f) posterior has the highest quantile of level 1 − 1/(t·(ln T)^c), here with
 * c = 0 and the current step t. Deterministic: propensity 1.
 */
public final class BayesUcb extends AbstractArmBandit {

    public BayesUcb(int arms) {
        super(arms);
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        double[] scores = new double[arms()];
        for (int a = 0; a < scores.length; a++) {
            scores[a] = quantile(a);
        }
        return new ArmChoice(ArmStatistics.argmax(scores), 1);
    }

    private double quantile(int arm) {
        double level = 1 - 1 / Math.max(steps + 1, 2);
        double s = stats.rewards[arm];
        return BetaDistribution.of(1 + s, 1 + stats.pulls[arm] - s).inverseCumulativeProbability(level);
    }

    @Override
    double score(int arm, UniformRandomProvider random) {
        return quantile(arm);
    }

}

package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * UCB1 (Auer, Cesa-Bianchi and Fischer 2002): each arm once, then the arm maximising
 * mean + √(2 ln t / n_a). Deterministic: propensity 1.
 */
public final class Ucb1 extends AbstractArmBandit {

    public Ucb1(int arms) {
        super(arms);
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        double[] scores = new double[arms()];
        for (int a = 0; a < scores.length; a++) {
            scores[a] = stats.pulls[a] == 0 ? Double.POSITIVE_INFINITY : index(a);
        }
        return new ArmChoice(ArmStatistics.argmax(scores), 1);
    }

    private double index(int arm) {
        return stats.mean(arm) + Math.sqrt(2 * Math.log(Math.max(steps, 1)) / stats.pulls[arm]);
    }

    @Override
    double score(int arm, UniformRandomProvider random) {
        return stats.pulls[arm] == 0 ? unpulled(random) : index(arm);
    }

}

package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * UCB1 (Auer, Cesa-Bianchi and Fischer 2002): each arm once, then the arm maximising
 * mean + √(2 ln t / n_a). Deterministic: propensity 1.
 */
public final class Ucb1 implements BanditPolicy {
    private final ArmStatistics stats;
    private double steps;

    public Ucb1(int arms) {
        this.stats = new ArmStatistics(arms);
    }

    @Override
    public int arms() {
        return stats.arms();
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        double[] scores = new double[arms()];
        for (int a = 0; a < scores.length; a++) {
            scores[a] = stats.pulls[a] == 0 ? Double.POSITIVE_INFINITY
                    : stats.mean(a) + Math.sqrt(2 * Math.log(Math.max(steps, 1)) / stats.pulls[a]);
        }
        return new ArmChoice(ArmStatistics.argmax(scores), 1);
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        stats.add(arm, reward);
        steps++;
    }

    @Override
    public void credit(int arm, double[] context, double reward) {
        stats.credit(arm, reward);
    }
}

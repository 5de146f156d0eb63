package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The shared base of the non-contextual bandits: pull counts and reward sums per arm, updated
 * and credited the same way; subclasses say how to choose.
 */
public abstract class AbstractArmBandit implements BanditPolicy {
    final ArmStatistics stats;
    double steps;

    AbstractArmBandit(int arms) {
        this.stats = new ArmStatistics(arms);
    }

    @Override
    public final int arms() {
        return stats.arms();
    }

    /** The ranking score of one arm; see {@link BanditPolicy#scores}. */
    abstract double score(int arm, UniformRandomProvider random);

    @Override
    public double[] scores(int[] arms, double[][] contexts, UniformRandomProvider random) {
        double[] scores = new double[arms.length];
        for (int k = 0; k < arms.length; k++) {
            scores[k] = score(arms[k], random);
        }
        return scores;
    }

    /** An unpulled arm ranks ahead of every pulled one; among them, a random order. */
    static double unpulled(UniformRandomProvider random) {
        return 1e6 + random.nextDouble();
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        stats.add(arm, reward);
        steps++;
    }

    @Override
    public final void credit(int arm, double[] context, double reward) {
        stats.credit(arm, reward);
    }
}

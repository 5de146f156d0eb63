package dev.loopsim.policies.bandit;

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

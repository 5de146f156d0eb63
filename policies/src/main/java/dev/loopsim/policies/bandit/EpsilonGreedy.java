package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * With probability ε a uniformly random arm, otherwise the arm with the best mean reward so far
 * (unpulled arms first). Propensity: 1 − ε + ε/K for the greedy arm, ε/K for the others.
 */
public final class EpsilonGreedy extends AbstractArmBandit {
    private final double epsilon;

    public EpsilonGreedy(int arms, double epsilon) {
        super(arms);
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], found " + epsilon);
        }
        this.epsilon = epsilon;
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        int k = arms();
        double[] scores = new double[k];
        for (int a = 0; a < k; a++) {
            scores[a] = stats.pulls[a] == 0 ? Double.POSITIVE_INFINITY : stats.mean(a);
        }
        int greedy = ArmStatistics.argmax(scores);
        boolean explore = random.nextDouble() < epsilon;
        int arm = explore ? random.nextInt(k) : greedy;
        double propensity = (arm == greedy ? 1 - epsilon : 0) + epsilon / k;
        return new ArmChoice(arm, propensity);
    }

    /**
     * Ranking: with probability ε the whole ranking is uniformly random (an exploring page),
     * otherwise by mean, unpulled arms first in random order. One coin per ranking, not per arm:
     * a coin per arm would fill the top of a long list with explored arms.
     */
    @Override
    public double[] scores(int[] arms, double[][] contexts, UniformRandomProvider random) {
        boolean explore = random.nextDouble() < epsilon;
        double[] scores = new double[arms.length];
        for (int k = 0; k < arms.length; k++) {
            scores[k] = explore ? random.nextDouble() : score(arms[k], random);
        }
        return scores;
    }

    @Override
    double score(int arm, UniformRandomProvider random) {
        return stats.pulls[arm] == 0 ? unpulled(random) : stats.mean(arm);
    }

}

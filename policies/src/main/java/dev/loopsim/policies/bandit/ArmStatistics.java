package dev.loopsim.policies.bandit;

/** Pull counts and reward sums per arm: the sufficient statistics of the non-contextual policies. */
final class ArmStatistics {
    final double[] pulls;
    final double[] rewards;

    ArmStatistics(int arms) {
        if (arms < 1) {
            throw new IllegalArgumentException("a bandit needs at least one arm, found " + arms);
        }
        pulls = new double[arms];
        rewards = new double[arms];
    }

    void add(int arm, double reward) {
        pulls[arm]++;
        rewards[arm] += reward;
    }

    void credit(int arm, double reward) {
        rewards[arm] += reward;
    }

    /** Multiplies every statistic by γ: the forgetting of a discounted bandit. */
    void discount(double gamma) {
        for (int a = 0; a < pulls.length; a++) {
            pulls[a] *= gamma;
            rewards[a] *= gamma;
        }
    }

    double mean(int arm) {
        return pulls[arm] == 0 ? 0 : rewards[arm] / pulls[arm];
    }

    int arms() {
        return pulls.length;
    }

    /** The arm with the highest score; ties go to the lowest index, so choices are reproducible. */
    static int argmax(double[] scores) {
        int best = 0;
        for (int a = 1; a < scores.length; a++) {
            if (scores[a] > scores[best]) {
                best = a;
            }
        }
        return best;
    }
}

package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Boltzmann exploration: Pr(a) ∝ exp(mean_a / τ), an unpulled arm counting as
 * {@code initialMean}. Propensity: that probability, exactly.
 */
public final class Softmax extends AbstractArmBandit {
    private final double temperature;
    private final double initialMean;

    public Softmax(int arms, double temperature, double initialMean) {
        super(arms);
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, found " + temperature);
        }
        this.temperature = temperature;
        this.initialMean = initialMean;
    }

    /**
     * Ranking: mean/τ plus a standard Gumbel draw, so that sorting samples the whole ranking from
     * the Plackett–Luce model of the same probabilities (the Gumbel-max trick).
     */
    @Override
    double score(int arm, UniformRandomProvider random) {
        double mean = stats.pulls[arm] == 0 ? initialMean : stats.mean(arm);
        return mean / temperature - Math.log(-Math.log(1 - random.nextDouble()));
    }

    /** The choice probabilities. */
    public double[] probabilities() {
        int k = arms();
        double[] scores = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < k; a++) {
            scores[a] = (stats.pulls[a] == 0 ? initialMean : stats.mean(a)) / temperature;
            max = Math.max(max, scores[a]);
        }
        double total = 0;
        for (int a = 0; a < k; a++) {
            scores[a] = Math.exp(scores[a] - max);
            total += scores[a];
        }
        for (int a = 0; a < k; a++) {
            scores[a] /= total;
        }
        return scores;
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        double[] p = probabilities();
        double u = random.nextDouble();
        int arm = p.length - 1;
        for (int a = 0; a < p.length; a++) {
            u -= p[a];
            if (u < 0) {
                arm = a;
                break;
            }
        }
        return new ArmChoice(arm, p[arm]);
    }

}

package dev.loopsim.policies.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;

/**
 * Beta–Bernoulli Thompson sampling (Thompson 1933; Agrawal and Goyal 2012), with an optional
 * discount γ &lt; 1 that forgets old evidence for drifting arms (discounted Thompson sampling,
 * Raj and Kalyani 2017). The propensity of the chosen arm is estimated by re-drawing the
 * posterior {@code propensityDraws} times from the same stream, with a floor of 1/(draws + 1)
 * so it is never 0.
 */
public final class ThompsonSampling extends AbstractArmBandit {
    private final double priorSuccesses;
    private final double priorFailures;
    private final double discount;
    private final int propensityDraws;

    public ThompsonSampling(int arms, double priorSuccesses, double priorFailures, double discount, int propensityDraws) {
        super(arms);
        if (!(priorSuccesses > 0 && priorFailures > 0)) {
            throw new IllegalArgumentException("Beta prior parameters must be > 0");
        }
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1], found " + discount);
        }
        this.priorSuccesses = priorSuccesses;
        this.priorFailures = priorFailures;
        this.discount = discount;
        this.propensityDraws = propensityDraws;
    }

    private int draw(UniformRandomProvider random) {
        double[] samples = new double[arms()];
        for (int a = 0; a < samples.length; a++) {
            samples[a] = ChengBetaSampler.of(random, alpha(a), beta(a)).sample();
        }
        return ArmStatistics.argmax(samples);
    }

    /** Ranking: one posterior sample per arm. */
    @Override
    double score(int arm, UniformRandomProvider random) {
        return ChengBetaSampler.of(random, alpha(arm), beta(arm)).sample();
    }

    /** Posterior α of an arm. */
    public double alpha(int arm) {
        return priorSuccesses + stats.rewards[arm];
    }

    /** Posterior β of an arm. */
    public double beta(int arm) {
        return priorFailures + stats.pulls[arm] - stats.rewards[arm];
    }

    @Override
    public ArmChoice choose(double[][] contexts, UniformRandomProvider random) {
        return Redraws.choose(() -> draw(random), propensityDraws);
    }

    @Override
    public void update(int arm, double[] context, double reward) {
        if (discount < 1) {
            stats.discount(discount); // forget first, then count the new pull
        }
        super.update(arm, context, reward);
    }
}

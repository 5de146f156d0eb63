package dev.loopsim.users.choice;

import org.apache.commons.rng.UniformRandomProvider;

/** One multinomial logit over the examined slots and no-play: Pr(k) = w_k / (w_0 + Σ_examined w_j). */
public final class LogitChoice implements ChoiceRule {

    @Override
    public int choose(double[] weights, UniformRandomProvider browse) {
        return ChoiceRule.firstBelow(weights, ChoiceRule.slots(weights), browse.nextDouble() * weights[weights.length - 1]);
    }

    @Override
    public double[] slotProbabilities(double[] weights) {
        double[] p = new double[ChoiceRule.slots(weights)];
        for (int slot = 0; slot < p.length; slot++) {
            p[slot] = weights[slot] / weights[weights.length - 1];
        }
        return p;
    }

    @Override
    public double playProbability(double[] weights) {
        return 1 - ChoiceRule.noPlay(weights) / weights[weights.length - 1];
    }
}

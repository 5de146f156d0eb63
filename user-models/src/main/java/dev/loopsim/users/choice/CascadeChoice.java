package dev.loopsim.users.choice;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The cascade (Craswell et al. 2008): the member reads the examined slots in reading order and
 * plays the first that beats playing nothing, each with its attraction a_k = w_k / (w_k + w_0):
 * Pr(k) = a_k · Π_{examined j before k} (1 − a_j). With every slot examined (both decays 1) it is
 * the classic cascade model.
 */
public final class CascadeChoice implements ChoiceRule {

    @Override
    public int choose(double[] weights, UniformRandomProvider browse) {
        double noPlay = ChoiceRule.noPlay(weights);
        for (int slot = 0; slot < ChoiceRule.slots(weights); slot++) {
            if (weights[slot] > 0 && browse.nextDouble() * (weights[slot] + noPlay) < weights[slot]) {
                return slot;
            }
        }
        return -1;
    }

    @Override
    public double[] slotProbabilities(double[] weights) {
        double[] p = new double[ChoiceRule.slots(weights)];
        double reached = 1;
        for (int slot = 0; slot < p.length; slot++) {
            double a = ChoiceRule.attraction(weights, slot);
            p[slot] = reached * a;
            reached *= 1 - a;
        }
        return p;
    }

    @Override
    public double playProbability(double[] weights) {
        double noPlay = ChoiceRule.noPlay(weights);
        double none = 1;
        for (int slot = 0; slot < ChoiceRule.slots(weights); slot++) {
            if (weights[slot] > 0) {
                none *= noPlay / (weights[slot] + noPlay);
            }
        }
        return 1 - none;
    }
}

package dev.loopsim.users.choice;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The position-based click model (PBM; Richardson et al. 2007, Chuklin et al. 2015): an examined
 * slot is clicked with its attraction a_k = σ((P_k − u_0)/τ), so slot k is played with
 * Pr(examined_k)·a_k whatever else the page shows. A visit plays at most one title, so the clicks
 * exclude each other: given the examined set E, Pr(k) = a_k / max(1, Σ_{j∈E} a_j). That is exactly
 * the PBM's click probability of every slot while the examined attractions sum to at most 1, as
 * in click logs, where they are a few per cent; above that they are scaled to sum to 1.
 */
public final class ClickChoice implements ChoiceRule {

    @Override
    public int choose(double[] weights, UniformRandomProvider browse) {
        double[] p = slotProbabilities(weights);
        return ChoiceRule.firstBelow(p, p.length, browse.nextDouble());
    }

    @Override
    public double[] slotProbabilities(double[] weights) {
        double[] p = new double[ChoiceRule.slots(weights)];
        double sum = 0;
        for (int slot = 0; slot < p.length; slot++) {
            p[slot] = ChoiceRule.attraction(weights, slot);
            sum += p[slot];
        }
        if (sum > 1) {
            for (int slot = 0; slot < p.length; slot++) {
                p[slot] /= sum;
            }
        }
        return p;
    }
}

package dev.loopsim.users.choice;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Which examined slot a member plays, if any. It sees each examined slot's logit weight
 * w_k = exp(P_k/τ) and the no-play weight w_0 = exp(u_0/τ), both scaled by a common factor,
 * as an array: the slots' weights (0 where not examined), then w_0, then their total.
 */
public interface ChoiceRule {

    /** The slot played, or −1; draws only from {@code browse}. */
    int choose(double[] weights, UniformRandomProvider browse);

    /** Pr(play slot k) for each slot, in closed form: what {@link #choose} draws from. */
    double[] slotProbabilities(double[] weights);

    /** Pr(any play). */
    default double playProbability(double[] weights) {
        double sum = 0;
        for (double p : slotProbabilities(weights)) {
            sum += p;
        }
        return sum;
    }

    static int slots(double[] weights) {
        return weights.length - 2;
    }

    static double noPlay(double[] weights) {
        return weights[weights.length - 2];
    }

    /**
     * The first slot at which {@code pick} falls below the running sum of {@code masses} over the
     * page's slots, or −1 when it lies beyond them all (no play).
     */
    static int firstBelow(double[] masses, int slots, double pick) {
        for (int slot = 0; slot < slots; slot++) {
            pick -= masses[slot];
            if (pick < 0) {
                return slot;
            }
        }
        return -1;
    }

    /** A slot's attraction σ((P_k − u_0)/τ) = w_k / (w_k + w_0): its chance to beat playing nothing. */
    static double attraction(double[] weights, int slot) {
        return weights[slot] > 0 ? weights[slot] / (weights[slot] + noPlay(weights)) : 0;
    }
}

package dev.loopsim.users.fit;

/**
 * A fitted position-based click model: Pr(click | item i in slot k, context c) =
 * θ_k · σ(μ + b_i + c_c), with θ_0 = 1 and log θ_k free. Estimated by {@link ClickModelFitter}.
 *
 * @param parameters μ, log θ_1..log θ_{K−1}, b_0..b_{I−1}, c_0..c_{C−1}
 * @param covariance their covariance (sandwich, with the prior)
 * @param priorSd    the N(0, sd²) prior on item and context effects, chosen by cross-validation
 */
public record ClickModel(int slots, int items, int contexts, double[] parameters, double[][] covariance, double priorSd) {

    public double probability(int item, int slot, int context) {
        return examination(slot) * attraction(item, context);
    }

    /** θ_k relative to the first slot's. */
    public double examination(int slot) {
        return slot == 0 ? 1 : Math.exp(parameters[slot]);
    }

    /** σ(μ + b_i + c_c); a context the fit never saw (−1) has the prior's effect, 0. */
    public double attraction(int item, int context) {
        double contextEffect = context < 0 ? 0 : parameters[contextIndex(context)];
        return 1 / (1 + Math.exp(-(parameters[0] + parameters[itemIndex(item)] + contextEffect)));
    }

    int itemIndex(int item) {
        return slots + item;
    }

    int contextIndex(int context) {
        return slots + items + context;
    }

    public double standardError(int parameter) {
        return Math.sqrt(covariance[parameter][parameter]);
    }

    /** The largest θ_k: examination written for a scenario is θ_k / max θ, and attraction times max θ. */
    public double largestExamination() {
        double max = 0;
        for (int k = 0; k < slots; k++) {
            max = Math.max(max, examination(k));
        }
        return max;
    }

    /**
     * This model with the parameters moved to a draw from N(estimate, covariance), for the
     * uncertainty of predictions made from it.
     */
    public ClickModel draw(org.apache.commons.math3.linear.RealMatrix choleskyFactor, double[] standardNormals) {
        double[] moved = parameters.clone();
        for (int i = 0; i < moved.length; i++) {
            for (int j = 0; j <= i; j++) {
                moved[i] += choleskyFactor.getEntry(i, j) * standardNormals[j];
            }
        }
        return new ClickModel(slots, items, contexts, moved, covariance, priorSd);
    }
}

package dev.loopsim.users.dynamics;

import dev.loopsim.core.Validate;

/**
 * Parameters of member dynamics (DESIGN §4).
 *
 * @param boredomWeight       w_b: how much boredom β_u·g_i lowers true utility
 * @param boredomIncrement    γ_b: on a play of title i, β_u += γ_b·g_i
 * @param boredomDecayDays    τ_b: boredom decays as exp(−Δt/τ_b)
 * @param driftSdPerSqrtDay   σ of the taste random walk: θ_g ← θ_g·exp(σ√Δt·Z_g), renormalised
 * @param exposureWeight      w_e: on a play of title i, taste moves toward its genres, θ ← (1 − w_e)·θ + w_e·g_i
 *                            (what members watch shapes what they like); 0 leaves tastes exogenous
 */
public record DynamicsParameters(double boredomWeight, double boredomIncrement, double boredomDecayDays,
                                 double driftSdPerSqrtDay, double exposureWeight) {

    public static final DynamicsParameters DEFAULTS = new DynamicsParameters(1.0, 0.5, 7.0, 0.02, 0);
    public static final DynamicsParameters NONE = new DynamicsParameters(0, 0, 1, 0, 0);

    public DynamicsParameters {
        Validate.nonNegative("boredomWeight", boredomWeight);
        Validate.nonNegative("boredomIncrement", boredomIncrement);
        Validate.positive("boredomDecayDays", boredomDecayDays);
        Validate.nonNegative("driftSdPerSqrtDay", driftSdPerSqrtDay);
        Validate.inRange("exposureWeight", exposureWeight, 0, 1);
    }
}

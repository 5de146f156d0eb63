package dev.loopsim.users.dynamics;

import dev.loopsim.core.Validate;

/**
 * Parameters of member dynamics (DESIGN §4).
 *
 * @param boredomWeight       w_b: how much boredom β_u·g_i lowers true utility
 * @param boredomIncrement    γ_b: on a play of title i, β_u += γ_b·g_i
 * @param boredomDecayDays    τ_b: boredom decays as exp(−Δt/τ_b)
 * @param driftSdPerSqrtDay   σ of the taste random walk: θ_g ← θ_g·exp(σ√Δt·Z_g), renormalised
 */
public record DynamicsParameters(double boredomWeight, double boredomIncrement, double boredomDecayDays,
                                 double driftSdPerSqrtDay) {

    public static final DynamicsParameters DEFAULTS = new DynamicsParameters(1.0, 0.5, 7.0, 0.02);
    public static final DynamicsParameters NONE = new DynamicsParameters(0, 0, 1, 0);

    public DynamicsParameters {
        Validate.nonNegative("boredomWeight", boredomWeight);
        Validate.nonNegative("boredomIncrement", boredomIncrement);
        Validate.positive("boredomDecayDays", boredomDecayDays);
        Validate.nonNegative("driftSdPerSqrtDay", driftSdPerSqrtDay);
    }
}

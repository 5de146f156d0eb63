package dev.loopsim.users.visit;

import dev.loopsim.core.Validate;

/**
 * Parameters of the self-exciting visit process
 * λ_u(t) = b_u · season(t) · exp(Σ_{k ∈ last W visits} α · s_k · exp(−(t − t_k)/τ_v)).
 *
 * @param excitation   α: how strongly a visit's satisfaction moves the intensity
 * @param decayDays    τ_v: how long a visit's effect lasts, in days
 * @param window       W: how many recent visits count
 * @param dailyAmplitude  see {@link Seasonality}
 * @param dailyPeakHour   see {@link Seasonality}
 * @param weeklyAmplitude see {@link Seasonality}
 * @param weeklyPeakDay   see {@link Seasonality}
 * @param visitAtJoin     a member's first visit is the moment they join (as in a model fitted
 *                        by {@code loopsim fit}, whose members' observation starts at their first event)
 */
public record SelfExcitingParameters(double excitation, double decayDays, int window, double dailyAmplitude,
                                     double dailyPeakHour, double weeklyAmplitude, double weeklyPeakDay, boolean visitAtJoin) {

    public static final SelfExcitingParameters DEFAULTS = new SelfExcitingParameters(0.15, 2.0, 10, 0.5, 20, 0.2, 5, false);

    public SelfExcitingParameters {
        Validate.finite("excitation", excitation);
        Validate.positive("decayDays", decayDays);
        Validate.atLeast("window", window, 1);
        new Seasonality(dailyAmplitude, dailyPeakHour, weeklyAmplitude, weeklyPeakDay);
    }

    public Seasonality seasonality() {
        return new Seasonality(dailyAmplitude, dailyPeakHour, weeklyAmplitude, weeklyPeakDay);
    }
}

package dev.loopsim.users.visit;

import dev.loopsim.core.Validate;

/**
 * Accordion's additive visit intensity (McInerney et al. 2021):
 * λ_u(t) = λ_time·season(t) + w_state·b_u + Σ_{k ∈ last W plays} exp(a)·exp(−exp(b)·(t − t_k)),
 * here with exp(a) = {@code jumpPerDay} and exp(b) = 1 / {@code jumpDecayDays}.
 *
 * @param timeRatePerDay   λ_time, the population's time-driven rate (visits per day)
 * @param stateWeight      w_state, the weight of the member's own base rate b_u
 * @param jumpPerDay       exp(a): the rate added right after a visit with a play
 * @param jumpDecayDays    1/exp(b): how long that addition lasts
 * @param window           W, the plays remembered
 * @param dailyAmplitude   see {@link Seasonality}
 * @param dailyPeakHour    see {@link Seasonality}
 * @param weeklyAmplitude  see {@link Seasonality}
 * @param weeklyPeakDay    see {@link Seasonality}
 * @param visitAtJoin      a member's first visit is the moment they join (see {@link SelfExcitingParameters})
 */
public record AdditiveParameters(double timeRatePerDay, double stateWeight, double jumpPerDay, double jumpDecayDays,
                                 int window, double dailyAmplitude, double dailyPeakHour, double weeklyAmplitude,
                                 double weeklyPeakDay, boolean visitAtJoin) {
    public static final AdditiveParameters DEFAULTS = new AdditiveParameters(0.05, 1.0, 0.3, 1.5, 10, 0.5, 20, 0.2, 5, false);

    public AdditiveParameters {
        Validate.nonNegative("timeRatePerDay", timeRatePerDay);
        Validate.nonNegative("stateWeight", stateWeight);
        Validate.nonNegative("jumpPerDay", jumpPerDay);
        Validate.positive("jumpDecayDays", jumpDecayDays);
        Validate.atLeast("window", window, 1);
        new Seasonality(dailyAmplitude, dailyPeakHour, weeklyAmplitude, weeklyPeakDay);
    }

    public Seasonality seasonality() {
        return new Seasonality(dailyAmplitude, dailyPeakHour, weeklyAmplitude, weeklyPeakDay);
    }
}

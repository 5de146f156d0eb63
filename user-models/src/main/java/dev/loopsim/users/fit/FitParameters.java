package dev.loopsim.users.fit;

import dev.loopsim.users.visit.Seasonality;

/**
 * A point of the fitted self-exciting visit model
 * λ_u(t) = b_u · season(t) · exp(Σ_{k ∈ last W visits} α·s_k·exp(−(t − t_k)/τ)), with
 * log b_u ~ N(μ, σ²) across members and season(t) = (1 + c_d·cos 2πt + s_d·sin 2πt)
 * · (1 + c_w·cos(2πt/7) + s_w·sin(2πt/7)), t in days since a Monday 00:00.
 *
 * <p>The seasonal terms are kept in cosine/sine form because the likelihood is smooth in them
 * everywhere (an amplitude and a phase are not, at zero amplitude).
 */
record FitParameters(double excitation, double decayDays, double dailyCos, double dailySin, double weeklyCos,
                            double weeklySin, double logRateMean, double logRateSd) {

    static final int EXCITATION = 0;
    static final int LOG_DECAY = 1;
    static final int DAILY_COS = 2;
    static final int DAILY_SIN = 3;
    static final int WEEKLY_COS = 4;
    static final int WEEKLY_SIN = 5;
    static final int LOG_RATE_MEAN = 6;
    static final int LOG_RATE_SD = 7;
    static final int COUNT = 8;

    /** Natural coordinates: the ones standard errors are computed in. */
    double[] toArray() {
        return new double[]{excitation, Math.log(decayDays), dailyCos, dailySin, weeklyCos, weeklySin, logRateMean,
                Math.log(logRateSd)};
    }

    static FitParameters fromArray(double[] x) {
        return new FitParameters(x[EXCITATION], Math.exp(x[LOG_DECAY]), x[DAILY_COS], x[DAILY_SIN], x[WEEKLY_COS],
                x[WEEKLY_SIN], x[LOG_RATE_MEAN], Math.exp(x[LOG_RATE_SD]));
    }

    public double dailyAmplitude() {
        return Math.hypot(dailyCos, dailySin);
    }

    public double weeklyAmplitude() {
        return Math.hypot(weeklyCos, weeklySin);
    }

    /** Whether season(t) stays positive: both amplitudes below 1. */
    boolean admissible() {
        return dailyAmplitude() < 1 && weeklyAmplitude() < 1 && decayDays > 0 && logRateSd > 0;
    }

    public Seasonality seasonality() {
        double[] x = toArray();
        return new Seasonality(dailyAmplitude(), VisitForm.phase("", x, DAILY_COS, 24, "").value(), weeklyAmplitude(),
                VisitForm.phase("", x, WEEKLY_COS, 7, "").value());
    }
}

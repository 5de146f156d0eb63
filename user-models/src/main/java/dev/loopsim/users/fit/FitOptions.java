package dev.loopsim.users.fit;

import dev.loopsim.core.Validate;

/**
 * Which parts of the visit model to fit.
 *
 * @param window      W, the recent visits whose excitation counts (not fitted: it is a memory size)
 * @param excitation  fit α and τ; if false, α = 0 (visits do not excite later ones)
 * @param daily       fit the daily harmonic; if false, no daily seasonality
 * @param weekly      fit the weekly harmonic; if false, no weekly seasonality
 */
public record FitOptions(int window, boolean excitation, boolean daily, boolean weekly) {
    public static final FitOptions FULL = new FitOptions(10, true, true, true);
    /** The homogeneous per-member Poisson baseline: base rates only, with the same population prior. */
    public static final FitOptions POISSON = new FitOptions(10, false, false, false);

    public FitOptions {
        Validate.atLeast("window", window, 1);
    }

    public FitOptions withWindow(int w) {
        return new FitOptions(w, excitation, daily, weekly);
    }

    boolean[] free() {
        boolean[] free = new boolean[FitParameters.COUNT];
        free[FitParameters.EXCITATION] = excitation;
        free[FitParameters.LOG_DECAY] = excitation;
        free[FitParameters.DAILY_COS] = daily;
        free[FitParameters.DAILY_SIN] = daily;
        free[FitParameters.WEEKLY_COS] = weekly;
        free[FitParameters.WEEKLY_SIN] = weekly;
        free[FitParameters.LOG_RATE_MEAN] = true;
        free[FitParameters.LOG_RATE_SD] = true;
        return free;
    }
}

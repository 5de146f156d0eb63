package dev.loopsim.users.fit;

import dev.loopsim.users.data.DataFileException;

/**
 * Everything {@code loopsim fit} reports: the fit on the whole log, the homogeneous per-member
 * Poisson baseline fitted the same way, both judged by time rescaling, and, when asked, both
 * refitted on the log before a split and judged on the visits after it.
 *
 * @param log              the visits fitted
 * @param fit              the visit model on the whole log
 * @param baseline         the Poisson baseline on the whole log
 * @param rescaling        time rescaling of {@code fit}
 * @param baselineRescaling time rescaling of {@code baseline}
 * @param holdout          the model refitted before the split, on the held-out visits; null without a split
 * @param baselineHoldout  the baseline likewise; null without a split
 */
public record FitReport(VisitLog log, VisitModelFit fit, VisitModelFit baseline, TimeRescaling rescaling,
                        TimeRescaling baselineRescaling, Holdout holdout, Holdout baselineHoldout) {

    /**
     * @param holdoutDays the last days of the log to hold out (0 for none)
     * @param seed        seeds the simulated continuations that predict held-out counts
     */
    public static FitReport of(VisitLog log, FitOptions options, double holdoutDays, long seed) {
        FitOptions poisson = FitOptions.POISSON.withWindow(options.window());
        VisitModelFit fit = VisitModelFitter.fit(log, options);
        VisitModelFit baseline = VisitModelFitter.fit(log, poisson);
        Holdout holdout = null;
        Holdout baselineHoldout = null;
        if (holdoutDays > 0) {
            double split = log.endDay() - holdoutDays;
            VisitLog training = log.until(split);
            if (training.members().isEmpty()) {
                throw new DataFileException(log.source(), 0, "no visits before the held-out " + holdoutDays
                        + " days; hold out fewer days");
            }
            holdout = Holdout.evaluate(log, split, VisitModelFitter.fit(training, options), seed);
            baselineHoldout = Holdout.evaluate(log, split, VisitModelFitter.fit(training, poisson), seed);
        }
        return new FitReport(log, fit, baseline, TimeRescaling.of(log, fit), TimeRescaling.of(log, baseline), holdout,
                baselineHoldout);
    }
}

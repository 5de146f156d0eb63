package dev.loopsim.users.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.users.visit.SelfExcitingParameters;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: a log drawn from the simulator's own self-exciting visit model, exported
 * as CSV, read back and fitted, gives back the parameters it was drawn with.
 */
class VisitModelFitterTest {
    private static final SelfExcitingParameters TRUTH = new SelfExcitingParameters(0.4, 2.0, 10, 0.5, 20, 0.3, 5, false);
    private static final double LOG_RATE_MEAN = Math.log(0.3);
    private static final double LOG_RATE_SD = 0.5;
    private static VisitLog log;
    private static VisitModelFit fit;
    private static VisitModelFit poisson;

    @BeforeAll
    static void fitASimulatedLog() throws IOException {
        String csv = SimulatedVisitLog.csv(TRUTH, 300, 120, LOG_RATE_MEAN, LOG_RATE_SD, true, 7);
        // Session gap 0: every simulated visit is one event, so no two visits merge.
        log = EventLogReader.read("simulated.csv", new StringReader(csv),
                new EventLogFormat(null, null, null, EventLogFormat.TimeUnit.SECONDS, 0, 1, true));
        fit = VisitModelFitter.fit(log, FitOptions.FULL);
        poisson = VisitModelFitter.fit(log, FitOptions.POISSON);
    }

    @Test
    void recoversEveryParameterWithinThreeStandardErrors() {
        // Eight parameters at 3 SE: if the SEs are right, all land inside with probability
        // ≈ 0.9973^8 ≈ 0.98; the seed is fixed, so the test is deterministic.
        Map<String, Double> truth = Map.of("excitation", 0.4, "decay_days", 2.0, "daily_amplitude", 0.5,
                "daily_peak_hour", 20.0, "weekly_amplitude", 0.3, "weekly_peak_day", 5.0,
                "visits_per_week_median", 7 * Math.exp(LOG_RATE_MEAN), "visit_rate_sd_log", LOG_RATE_SD);
        assertThat(fit.estimates()).hasSize(8);
        for (Estimate e : fit.estimates()) {
            assertThat(e.standardError()).as(e.name()).isPositive().isLessThan(0.2 * Math.abs(truth.get(e.name())));
            assertThat(e.value()).as(e.name() + " ± " + e.standardError())
                    .isBetween(truth.get(e.name()) - 3 * e.standardError(), truth.get(e.name()) + 3 * e.standardError());
        }
    }

    @Test
    void standardErrorsShrinkLikeOneOverRootN() {
        // Half the members: SEs should grow by about √2 (within 25% either way).
        VisitLog half = new VisitLog(log.source(), log.origin(), log.endDay(), log.events(), log.sessionGapDays(),
                log.members().subList(0, log.members().size() / 2));
        VisitModelFit smaller = VisitModelFitter.fit(half, FitOptions.FULL);
        double ratio = smaller.estimates().get(0).standardError() / fit.estimates().get(0).standardError();
        assertThat(ratio).isBetween(Math.sqrt(2) / 1.25, Math.sqrt(2) * 1.25);
    }

    @Test
    void timeRescaledGapsAreExponentialForTheRightModelAndNotForThePoissonBaseline() {
        TimeRescaling right = TimeRescaling.of(log, fit);
        TimeRescaling wrong = TimeRescaling.of(log, poisson);
        // 1% critical value 1.628/√n; estimated parameters make the test conservative, so a
        // correct model exceeds it with probability below 1%.
        assertThat(right.ksStatistic()).isLessThan(1.628 / Math.sqrt(right.gaps().length));
        assertThat(wrong.ksStatistic()).isGreaterThan(5 * wrong.criticalValue());
        assertThat(fit.logLikelihood()).isGreaterThan(poisson.logLikelihood() + 1000);
    }

    @Test
    void heldOutVisitsAreBetterPredictedThanByThePoissonBaseline() {
        double split = 90;
        VisitLog training = log.until(split);
        Holdout full = Holdout.evaluate(log, split, VisitModelFitter.fit(training, FitOptions.FULL), 1);
        Holdout baseline = Holdout.evaluate(log, split, VisitModelFitter.fit(training, FitOptions.POISSON), 1);
        assertThat(full.heldOutVisits()).isEqualTo(baseline.heldOutVisits()).isGreaterThan(3000);
        // Per held-out visit, the right model is clearly more likely.
        assertThat((full.logLikelihood() - baseline.logLikelihood()) / full.heldOutVisits()).isGreaterThan(0.05);
        // Counts: the total is predicted within 5% (Poisson noise on ~4,500 visits is 1.5%).
        assertThat(full.predictedTotal()).isBetween(0.95 * full.heldOutVisits(), 1.05 * full.heldOutVisits());
    }

    /** The members' likelihoods are summed in parallel: the fit must still be bit for bit the same (on a quarter of the log, for time). */
    @Test
    void sameLogSameFit() {
        VisitLog quarter = new VisitLog(log.source(), log.origin(), log.endDay(), log.events(), log.sessionGapDays(),
                log.members().subList(0, log.members().size() / 4));
        VisitModelFit once = VisitModelFitter.fit(quarter, FitOptions.FULL);
        VisitModelFit again = VisitModelFitter.fit(quarter, FitOptions.FULL);
        assertThat(again.estimate()).isEqualTo(once.estimate());
        assertThat(again.logLikelihood()).isEqualTo(once.logLikelihood());
    }
}

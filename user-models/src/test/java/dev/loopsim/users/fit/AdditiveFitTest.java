package dev.loopsim.users.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.users.visit.AdditiveParameters;
import dev.loopsim.users.visit.AdditiveVisits;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/** Accordion's additive form: its exact likelihood pieces, and parameter recovery from the simulator's own additive visits. */
class AdditiveFitTest {

    @Test
    void intensityAtVisitsAndItsIntegralMatchTheDefinition() {
        // λ = λ_time·season(t) + r + Σ_{plays} J·e^{−(t−t_k)/δ}; visits at 0, 1 (no play: s = 0), 2.5; observed to 4.
        double[] x = {Math.log(0.3), Math.log(0.8), Math.log(1.5), 0.2, -0.3, 0.1, 0.05, 0, 0};
        Season season = AdditiveForm.INSTANCE.season(x);
        MemberTrack track = new MemberTrack(new double[]{0, 1, 2.5}, new double[]{1, 0, 1}, new double[]{0, 1, 2.5}, 4);
        MemberLikelihood l = AdditiveForm.INSTANCE.member(track, x, season, 10, null, null);
        assertThat(l.m()).containsExactly(1.0, 1.0);
        assertThat(l.a()[0]).isCloseTo(0.3 * season.atDay(1) + 0.8 * Math.exp(-1 / 1.5), offset(1e-14));
        // Visit 1 had no play, so only visit 0 excites visit 2.
        assertThat(l.a()[1]).isCloseTo(0.3 * season.atDay(2.5) + 0.8 * Math.exp(-2.5 / 1.5), offset(1e-14));
        assertThat(l.rateIntegral()).isCloseTo(4, offset(1e-14));
        double numeric = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13).integrate(1_000_000,
                t -> 0.3 * season.atDay(t) + 0.8 * Math.exp(-t / 1.5) + (t > 2.5 ? 0.8 * Math.exp(-(t - 2.5) / 1.5) : 0), 0, 2.5)
                + new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13).integrate(1_000_000,
                t -> 0.3 * season.atDay(t) + 0.8 * Math.exp(-t / 1.5) + 0.8 * Math.exp(-(t - 2.5) / 1.5), 2.5, 4);
        assertThat(l.fixedIntegral()).isCloseTo(numeric, offset(1e-10));
    }

    @Test
    void recoversTheSimulatorsAdditiveParametersWithinThreeStandardErrors() throws IOException {
        // Branching ratio J·δ = 0.6 < 1: a stationary process. The time term carries the seasonality,
        // which is what tells it apart from the members' own rates.
        var truth = new AdditiveParameters(0.4, 1.0, 0.4, 1.5, 10, 0.5, 20, 0.3, 5, false);
        double logRateMean = Math.log(0.15);
        String csv = SimulatedVisitLog.csv(new AdditiveVisits(truth), 30, 250, 100, logRateMean, 0.5, false, 8);
        VisitLog log = EventLogReader.read("additive.csv", new StringReader(csv),
                new EventLogFormat(null, null, null, EventLogFormat.TimeUnit.SECONDS, 0, 1, true));
        VisitModelFit fit = VisitModelFitter.fit(log, FitOptions.FULL.withForm(FitOptions.Form.ADDITIVE));
        Map<String, Double> expected = Map.of("time_rate_per_day", 0.4, "jump_per_day", 0.4, "jump_decay_days", 1.5,
                "daily_amplitude", 0.5, "daily_peak_hour", 20.0, "weekly_amplitude", 0.3, "weekly_peak_day", 5.0,
                "visits_per_week_median", 7 * Math.exp(logRateMean), "visit_rate_sd_log", 0.5);
        // Nine parameters at 3 SE: all inside with probability ≈ 0.9973^9 ≈ 0.976 if the SEs are right; fixed seed.
        for (Estimate e : fit.estimates()) {
            double want = expected.get(e.name());
            assertThat(e.standardError()).as(e.name()).isPositive().isLessThan(0.5 * Math.abs(want));
            assertThat(e.value()).as(e.name() + " ± " + e.standardError())
                    .isBetween(want - 3 * e.standardError(), want + 3 * e.standardError());
        }
        assertThat(fit.visitsBlock()).containsEntry("type", "additive").containsEntry("visit_at_join", true);
    }

    @Test
    void withoutExcitationTheJumpIsReportedFixedAtZero() {
        FitOptions options = new FitOptions(FitOptions.Form.ADDITIVE, 10, false, true, true);
        double[] x = AdditiveForm.INSTANCE.start(0.2, options);
        double[][] covariance = new double[AdditiveForm.COUNT][AdditiveForm.COUNT];
        for (int i = 0; i < AdditiveForm.COUNT; i++) {
            covariance[i][i] = 0.01;
        }
        VisitModelFit fit = new VisitModelFit(options, x, covariance, new boolean[AdditiveForm.COUNT], 0, new double[0], 0, 0, 0);
        Estimate jump = fit.estimates().stream().filter(e -> e.name().equals("jump_per_day")).findFirst().orElseThrow();
        assertThat(jump.value()).isZero();
        assertThat(jump.status()).isEqualTo(Estimate.Status.FIXED);
        assertThat(fit.estimates().get(0).status()).isEqualTo(Estimate.Status.ESTIMATED);
    }
}

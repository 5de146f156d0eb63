package dev.loopsim.users.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.users.visit.ChurnParameters;
import dev.loopsim.users.visit.Churning;
import dev.loopsim.users.visit.SelfExcitingParameters;
import dev.loopsim.users.visit.SelfExcitingVisits;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recovery of a hazard of churn: a log drawn from the simulator's self-exciting visits with
 * {@code world.churn.type: hazard}, in which leaving is never recorded, fitted with the hazard.
 */
class ChurnFitTest {
    private static final SelfExcitingParameters VISITS = new SelfExcitingParameters(0.4, 2.0, 10, 0.5, 20, 0.3, 5, false);
    private static final double RATE_PER_WEEK = 0.6;
    private static final double SATISFACTION_WEIGHT = 2.5;
    private static final double LOG_RATE_MEAN = Math.log(0.3);
    private static final double LOG_RATE_SD = 0.5;
    private static final FitOptions WITH_CHURN = FitOptions.FULL.withChurn(true);
    private static VisitLog log;
    private static VisitModelFit fit;
    private static VisitModelFit withoutChurn;

    @BeforeAll
    static void fitASimulatedLog() throws IOException {
        var model = new Churning(new SelfExcitingVisits(VISITS), ChurnParameters.hazard(RATE_PER_WEEK, SATISFACTION_WEIGHT));
        String csv = SimulatedVisitLog.csv(model, VISITS.window(), 400, 120, LOG_RATE_MEAN, LOG_RATE_SD, true, 11);
        log = EventLogReader.read("churned.csv", new StringReader(csv),
                new EventLogFormat(null, null, null, EventLogFormat.TimeUnit.SECONDS, 0, 1, true));
        fit = VisitModelFitter.fit(log, WITH_CHURN);
        withoutChurn = VisitModelFitter.fit(log, FitOptions.FULL);
    }

    @Test
    void recoversEveryParameterChurnIncludedWithinThreeStandardErrors() {
        // Ten parameters at 3 SE: all inside with probability ≈ 0.9973^10 ≈ 0.97 if the SEs are right.
        Map<String, Double> truth = Map.of("excitation", 0.4, "decay_days", 2.0, "daily_amplitude", 0.5,
                "daily_peak_hour", 20.0, "weekly_amplitude", 0.3, "weekly_peak_day", 5.0,
                "visits_per_week_median", 7 * Math.exp(LOG_RATE_MEAN), "visit_rate_sd_log", LOG_RATE_SD,
                "churn_rate_per_week", RATE_PER_WEEK, "churn_satisfaction_weight", SATISFACTION_WEIGHT);
        assertThat(fit.estimates()).hasSize(10);
        for (Estimate e : fit.estimates()) {
            assertThat(e.standardError()).as(e.name()).isPositive().isLessThan(0.25 * Math.abs(truth.get(e.name())));
            assertThat(e.value()).as(e.name() + " ± " + e.standardError())
                    .isBetween(truth.get(e.name()) - 3 * e.standardError(), truth.get(e.name()) + 3 * e.standardError());
        }
        assertThat(fit.churnBlock()).containsEntry("type", "hazard").containsKeys("rate_per_week", "satisfaction_weight");
    }

    @Test
    void theHazardIsWorthItsTwoParameters() {
        // A likelihood ratio of 2·ΔlogL > 20 on 2 degrees of freedom: p < 5e-5 under no churn.
        assertThat(fit.logLikelihood() - withoutChurn.logLikelihood()).isGreaterThan(10);
    }

    @Test
    void timeRescalingAcceptsTheHazardAndRejectsStayingForever() {
        // One fixed log: a calibrated 1% test fails on a right model with probability 0.01.
        assertThat(TimeRescaling.of(log, fit).ksPValue()).isGreaterThan(0.01);
        assertThat(TimeRescaling.of(log, withoutChurn).ksPValue()).isLessThan(1e-6);
    }

    @Test
    void predictsTheLastMonthFromTheFirstThreeFarBetterThanWithoutChurn() {
        // The machinery, not a held-out fit: both models are fitted on the whole log. Without churn
        // every silent member is predicted to come back.
        Holdout with = Holdout.evaluate(log, 90, fit, 3);
        Holdout without = Holdout.evaluate(log, 90, withoutChurn, 3);
        assertThat(with.predictedTotal()).isCloseTo((double) with.heldOutVisits(), org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(without.predictedTotal()).isGreaterThan(2.0 * without.heldOutVisits());
        assertThat(with.countMae()).isLessThan(0.5 * without.countMae());
        assertThat(with.logLikelihood()).isGreaterThan(without.logLikelihood());
    }
}

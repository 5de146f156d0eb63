package dev.loopsim.users.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopsim.core.ParameterException;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class SelfExcitingVisitsTest {
    private static final double[] TASTE = {1};
    private static final double[] LATENT = {0};

    private static SelfExcitingVisits model(double excitation, double daily, double weekly) {
        return new SelfExcitingVisits(new SelfExcitingParameters(excitation, 2.0, 10, daily, 20, weekly, 5, false));
    }

    /** Visits of one member in [0, until), satisfaction s after each. */
    private static List<Double> visits(SelfExcitingVisits model, MemberState member, double until, double satisfaction) {
        List<Double> days = new ArrayList<>();
        double t = model.nextVisitDay(member, 0, until);
        while (t < until) {
            days.add(t);
            member.recordVisit(t, satisfaction, true);
            t = model.nextVisitDay(member, t, until);
        }
        return days;
    }

    @Test
    void countOverWholeWeeksMatchesTheIntensityIntegral() {
        // α = 0: a Poisson process of intensity b·season(t); over whole weeks ∫ season = 7 per week.
        SelfExcitingVisits model = model(0, 0.6, 0.4);
        int members = 20_000;
        double b = 2.0;
        long total = 0;
        for (int id = 0; id < members; id++) {
            total += visits(model, Members.member(id, b, TASTE, LATENT, 10, 11), 7, 0).size();
        }
        double mean = (double) total / members;
        // Expected 14; sd of the mean √(14/20 000) ≈ 0.026: a 5-sigma band fails by chance < 1e-6.
        assertThat(mean).isCloseTo(14.0, org.assertj.core.data.Offset.offset(5 * Math.sqrt(14.0 / members)));
    }

    @Test
    void countOverAPartOfADayFollowsTheSeasonalShape() {
        SelfExcitingVisits model = model(0, 0.8, 0.5);
        Seasonality season = new SelfExcitingParameters(0, 2.0, 10, 0.8, 20, 0.5, 5, false).seasonality();
        double b = 3.0;
        double until = 1.3;
        double expected = b * simpson(season::at, 0, until, 2000);
        int members = 40_000;
        long total = 0;
        for (int id = 0; id < members; id++) {
            total += visits(model, Members.member(id, b, TASTE, LATENT, 10, 12), until, 0).size();
        }
        double mean = (double) total / members;
        // Poisson: sd of the mean √(expected / n); a 5-sigma band fails by chance < 1e-6.
        assertThat(mean).isCloseTo(expected, org.assertj.core.data.Offset.offset(5 * Math.sqrt(expected / members)));
        // And seasonality matters here: the flat rate would be far outside that band.
        assertThat(Math.abs(b * until - expected)).isGreaterThan(10 * Math.sqrt(expected / members));
    }

    @Test
    void timeRescaledGapsOfTheSelfExcitingProcessAreExponential() {
        // Time-rescaling theorem: Λ(t_{k+1}) − Λ(t_k) are iid Exp(1) for the right intensity.
        // α·s·b·τ·e ≈ 0.87 < 1: a stable regime (above 1 the process runs away to its window cap).
        SelfExcitingVisits model = model(0.2, 0.5, 0.2);
        MemberState member = Members.member(0, 1.0, TASTE, LATENT, 10, 13);
        MemberState replay = Members.member(0, 1.0, TASTE, LATENT, 10, 13);
        List<Double> days = visits(model, member, 3000, 0.8);
        double[] gaps = new double[days.size() - 1];
        double previous = days.get(0);
        replay.recordVisit(previous, 0.8, true);
        for (int k = 1; k < days.size(); k++) {
            double next = days.get(k);
            gaps[k - 1] = simpson(t -> model.intensity(replay, t), previous, next, 400);
            replay.recordVisit(next, 0.8, true);
            previous = next;
        }
        assertThat(gaps.length).isBetween(3000, 20_000);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 1), gaps);
        // Under a correct sampler p is uniform: it falls below 1e-3 by chance once in a thousand seeds.
        assertThat(p).isGreaterThan(1e-3);
        // Excitation matters: with s = 0.8 the mean rate is well above the base rate of 1/day.
        assertThat(days.size() / 3000.0).isGreaterThan(1.3);
    }

    @Test
    void theBoundHoldsForEveryLaterTimeUntilTheNextVisit() {
        SelfExcitingVisits model = model(0.9, 0.7, 0.3);
        for (int id = 0; id < 200; id++) {
            MemberState member = Members.member(id, 0.5, TASTE, LATENT, 10, 14);
            var random = member.browseStream();
            double t = 0;
            for (int k = 0; k < 12; k++) {
                t += random.nextDouble();
                member.recordVisit(t, 2 * random.nextDouble() - 0.5, true);
            }
            double bound = model.bound(member, t);
            for (int step = 0; step <= 1000; step++) {
                double later = t + step * 0.01;
                assertThat(model.intensity(member, later)).isLessThanOrEqualTo(bound * (1 + 1e-12));
            }
        }
    }

    @Test
    void negativeSatisfactionLowersTheIntensityAndPositiveRaisesIt() {
        SelfExcitingVisits model = model(0.5, 0, 0);
        MemberState pleased = Members.member(0, 1.0, TASTE, LATENT, 10, 15);
        MemberState bored = Members.member(1, 1.0, TASTE, LATENT, 10, 15);
        pleased.recordVisit(1.0, 1.0, true);
        bored.recordVisit(1.0, -0.5, false);
        // λ = b·exp(α·s·e^{-(t − t_k)/τ}) at t = t_k: exp(0.5) and exp(−0.25).
        assertThat(model.intensity(pleased, 1.0)).isCloseTo(Math.exp(0.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(model.intensity(bored, 1.0)).isCloseTo(Math.exp(-0.25), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void parametersAreValidated() {
        assertThatThrownBy(() -> new SelfExcitingParameters(0.1, 0, 10, 0, 0, 0, 0, false))
                .isInstanceOf(ParameterException.class).hasMessage("decayDays must be > 0 and finite, found 0");
        assertThatThrownBy(() -> new SelfExcitingParameters(Double.NaN, 1, 10, 0, 0, 0, 0, false))
                .isInstanceOf(ParameterException.class).hasMessageContaining("excitation must be a finite number");
        assertThatThrownBy(() -> new SelfExcitingParameters(0.1, 1, 10, 1.0, 0, 0, 0, false))
                .isInstanceOf(ParameterException.class).hasMessage("dailyAmplitude must be in [0, 1), found 1");
    }

    static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, int intervals) {
        int n = intervals % 2 == 0 ? intervals : intervals + 1;
        double h = (b - a) / n;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }
}

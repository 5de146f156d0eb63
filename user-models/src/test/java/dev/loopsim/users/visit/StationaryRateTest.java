package dev.loopsim.users.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.model.VisitModel;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import org.junit.jupiter.api.Test;

/** Long-run visit rates under constant satisfaction, against their analytic values. */
class StationaryRateTest {

    private static double simulatedRate(VisitModel model, double baseRate, double satisfaction, double days, long seed) {
        MemberState member = Members.member(0, baseRate, new double[] {1}, new double[] {0}, model.historyCapacity(), seed);
        long visits = 0;
        double t = model.nextVisitDay(member, 0, days);
        while (t < days) {
            visits++;
            member.recordVisit(t, satisfaction, true);
            t = model.nextVisitDay(member, t, days);
        }
        return visits / days;
    }

    @Test
    void additiveFormIsALinearHawkesProcessWithRateMuOverOneMinusN() {
        // μ = λ_time + w·b = 0.2 + 0.5; branching ratio n = exp(a)/exp(b) = 0.6 · 1 = 0.6; rate = μ/(1 − n) = 1.75/day.
        var model = new AdditiveVisits(new AdditiveParameters(0.2, 1.0, 0.6, 1.0, 40, 0, 0, 0, 0, false));
        double days = 40_000;
        double rate = simulatedRate(model, 0.5, 0.8, days, 31);
        // Counts of a Hawkes process are overdispersed by 1/(1 − n)² = 6.25: sd of the rate ≈ √(1.75·6.25/days) ≈ 0.0165.
        // A 5-sigma band fails by chance < 1e-6. (W = 40 plays remembered: the cut-off terms weigh < e^-20.)
        assertThat(rate).isCloseTo(1.75, offset(5 * Math.sqrt(1.75 * 6.25 / days)));
    }

    @Test
    void selfExcitingWithOneRememberedVisitIsARenewalProcess() {
        // W = 1: λ(u) = b·exp(α·s·e^{−u/τ}) u days after the last visit; the gaps are iid with
        // survival exp(−Λ(u)), so the long-run rate is 1 / ∫₀^∞ exp(−Λ(u)) du.
        double b = 1.0;
        double alphaS = 0.5 * 1.6;
        double tau = 2.0;
        var model = new SelfExcitingVisits(new SelfExcitingParameters(0.5, tau, 1, 0, 0, 0, 0, false));
        double meanGap = 0;
        double compensator = 0;
        double h = 1e-3;
        for (double u = 0; u < 60; u += h) {
            double lambdaMid = b * Math.exp(alphaS * Math.exp(-(u + h / 2) / tau));
            double survivalStart = Math.exp(-compensator);
            compensator += lambdaMid * h;
            meanGap += (survivalStart + Math.exp(-compensator)) / 2 * h;
        }
        double expected = 1 / meanGap;
        double days = 30_000;
        double rate = simulatedRate(model, b, 1.6, days, 32);
        // Renewal counts: variance ≈ rate·cv² per day with cv ≤ 1, so sd ≤ √(rate/days) ≈ 0.008; 5 sigma.
        assertThat(expected).isGreaterThan(1.5); // excitation matters: well above b = 1
        assertThat(rate).isCloseTo(expected, offset(5 * Math.sqrt(expected / days)));
    }

    @Test
    void additiveBoundHoldsUntilTheNextVisit() {
        var model = new AdditiveVisits(new AdditiveParameters(0.3, 1.0, 0.8, 0.7, 10, 0.6, 20, 0.3, 2, false));
        MemberState member = Members.member(0, 0.4, new double[] {1}, new double[] {0}, model.historyCapacity(), 5);
        for (int k = 0; k < 12; k++) {
            member.recordVisit(k * 0.3, k % 3 == 0 ? -0.2 : 0.7, true);
        }
        double now = 3.6;
        double bound = model.bound(member, now);
        for (int step = 0; step <= 2000; step++) {
            assertThat(model.intensity(member, now + step * 0.005)).isLessThanOrEqualTo(bound);
        }
    }
}

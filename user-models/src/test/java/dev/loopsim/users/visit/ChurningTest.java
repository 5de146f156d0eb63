package dev.loopsim.users.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import org.junit.jupiter.api.Test;

class ChurningTest {
    private static final double[] ONE = {1};

    private static Churning churning(double dailyAmplitude, double minPerWeek, double afterDays) {
        return new Churning(new SelfExcitingVisits(new SelfExcitingParameters(0.5, 2, 10, dailyAmplitude, 12, 0, 0, false)),
                ChurnParameters.threshold(minPerWeek, afterDays));
    }

    @Test
    void aMemberAlwaysBelowTheThresholdLeavesOnePeriodIntoALongGap() {
        Churning model = churning(0, 1.0, 14); // b = 0.1/day = 0.7/week < 1/week, and nothing excites it
        MemberState member = Members.member(0, 0.1, ONE, ONE, 10, 1);
        assertThat(model.churnDay(member, 3.0, 40.0, 100)).isCloseTo(17.0, offset(1e-9));
        assertThat(model.churnDay(member, 3.0, Double.POSITIVE_INFINITY, 100)).isCloseTo(17.0, offset(1e-9));
        assertThat(model.churnDay(member, 3.0, 12.0, 100)).as("the gap is shorter than the period").isInfinite();
        assertThat(model.churnDay(member, 3.0, Double.POSITIVE_INFINITY, 10)).as("the horizon comes first").isInfinite();
    }

    @Test
    void aDailyPeakAboveTheThresholdRestartsTheRun() {
        // b·(1 + 0.5·cos) peaks at 0.15/day = 1.05/week > 1/week once a day: never 14 days below.
        Churning model = churning(0.5, 1.0, 14);
        MemberState member = Members.member(0, 0.1, ONE, ONE, 10, 1);
        assertThat(model.churnDay(member, 0, 60, 100)).isInfinite();
        // With a threshold above the peak, the member leaves.
        assertThat(churning(0.5, 1.2, 14).churnDay(member, 0, 60, 100)).isCloseTo(14.0, offset(1e-9));
    }

    @Test
    void badVisitsPushAMemberUnderAndGoodOnesKeepThem() {
        Churning model = churning(0, 1.5, 10); // b = 0.25/day = 1.75/week: above the threshold when nothing excites it
        MemberState unhappy = Members.member(0, 0.25, ONE, ONE, 10, 1);
        MemberState happy = Members.member(1, 0.25, ONE, ONE, 10, 1);
        for (int k = 0; k < 5; k++) {
            unhappy.recordVisit(k * 0.1, -1.0, false);
            happy.recordVisit(k * 0.1, 1.0, true);
        }
        // The unhappy member is below 1.5/week from the start, until the negative excitation wears off
        // (after about τ·ln(2.5/ln(1.75/1.5)) ≈ 5.6 days): a 10-day run below never completes.
        assertThat(model.churnDay(unhappy, 0.4, 50, 100)).isInfinite();
        assertThat(churning(0, 1.5, 5).churnDay(unhappy, 0.4, 50, 100)).isCloseTo(5.4, offset(1.0 / 24));
        assertThat(churning(0, 1.5, 5).churnDay(happy, 0.4, 50, 100)).isInfinite();
    }

    private static Churning hazard(double ratePerWeek, double satisfactionWeight) {
        return new Churning(new SelfExcitingVisits(new SelfExcitingParameters(0.5, 2, 10, 0, 12, 0, 0, false)),
                ChurnParameters.hazard(ratePerWeek, satisfactionWeight));
    }

    /**
     * A constant hazard h over a gap of length Δ: the member leaves within it with probability
     * 1 − e^{−hΔ}, at a time whose mean given leaving is 1/h − Δ/(e^{hΔ} − 1). 20,000 members each
     * with their own stream; both checks at 4.5 standard errors, a false failure about once in
     * 150,000 runs each (the seeds are fixed, so the test is deterministic).
     */
    @Test
    void aHazardLeavesWithinAGapAtItsExponentialRate() {
        Churning model = hazard(0.7, 1.0);
        double gap = 10;
        int members = 20_000;
        int left = 0;
        double sumTime = 0;
        double sumSquares = 0;
        for (int id = 0; id < members; id++) {
            MemberState member = Members.member(id, 0.1, ONE, ONE, 10, 1000 + id);
            member.recordVisit(0, -0.5, true);
            member.recordVisit(1, -1.5, true); // s̄ = −1: the rate is 0.1/day · e¹
            double day = model.churnDay(member, 1, 1 + gap, 100);
            if (day < Double.POSITIVE_INFINITY) {
                assertThat(day).isBetween(1.0, 1 + gap);
                left++;
                sumTime += day - 1;
                sumSquares += (day - 1) * (day - 1);
            }
        }
        double h = 0.1 * Math.E;
        assertThat(model.hazardPerDay(Members.member(0, 0.1, ONE, ONE, 10, 1))).as("no visits yet: s̄ = 0").isCloseTo(0.1, offset(1e-15));
        double p = 1 - Math.exp(-h * gap);
        assertThat((double) left / members).isCloseTo(p, offset(4.5 * Math.sqrt(p * (1 - p) / members)));
        double mean = sumTime / left;
        double sd = Math.sqrt(sumSquares / left - mean * mean);
        assertThat(mean).isCloseTo(1 / h - gap / Math.expm1(h * gap), offset(4.5 * sd / Math.sqrt(left)));
    }

    @Test
    void satisfiedMembersLeaveLessAndTheHorizonOrNextVisitEndsTheGap() {
        Churning model = hazard(0.7, 2.0);
        MemberState happy = Members.member(0, 0.1, ONE, ONE, 10, 1);
        happy.recordVisit(0, 1.0, true);
        MemberState unhappy = Members.member(1, 0.1, ONE, ONE, 10, 1);
        unhappy.recordVisit(0, -1.0, false);
        assertThat(model.hazardPerDay(unhappy) / model.hazardPerDay(happy)).isCloseTo(Math.exp(4), offset(1e-9));
        // Next visit or horizon at the gap's start: no time to leave in.
        assertThat(model.churnDay(unhappy, 5, 5, 100)).isInfinite();
        assertThat(model.churnDay(unhappy, 5, 50, 5)).isInfinite();
        assertThat(hazard(0, 2.0).churnDay(unhappy, 0, 1e9, 1e9)).as("rate 0: churn off").isInfinite();
    }
}

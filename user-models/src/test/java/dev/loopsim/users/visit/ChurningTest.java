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
                new ChurnParameters(minPerWeek, afterDays));
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
}

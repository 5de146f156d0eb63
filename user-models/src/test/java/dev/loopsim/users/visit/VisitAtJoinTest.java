package dev.loopsim.users.visit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.world.Members;
import org.junit.jupiter.api.Test;

class VisitAtJoinTest {
    private static final double[] TASTE = {1};
    private static final double[] LATENT = {0};

    @Test
    void aFittedModelsFirstVisitIsTheJoinAndLaterVisitsAreDrawn() {
        var atJoin = new SelfExcitingVisits(new SelfExcitingParameters(0.3, 2, 10, 0, 0, 0, 0, true));
        var member = Members.member(1, 0.5, TASTE, LATENT, 10, 3);
        assertThat(atJoin.firstVisitDay(member, 12.5, 100)).isEqualTo(12.5);
        assertThat(atJoin.firstVisitDay(member, 120, 100)).isInfinite();
        assertThat(atJoin.nextVisitDay(member, 12.5, 100)).isGreaterThan(12.5);
        // Churning passes the choice through.
        var churning = new Churning(atJoin, ChurnParameters.threshold(0.5, 14));
        assertThat(churning.firstVisitDay(member, 3, 100)).isEqualTo(3);
    }

    @Test
    void byDefaultTheFirstVisitIsDrawnAfterTheJoin() {
        var drawn = new SelfExcitingVisits(SelfExcitingParameters.DEFAULTS);
        var member = Members.member(1, 0.5, TASTE, LATENT, 10, 3);
        assertThat(drawn.firstVisitDay(member, 12.5, 1000)).isGreaterThan(12.5);
    }
}

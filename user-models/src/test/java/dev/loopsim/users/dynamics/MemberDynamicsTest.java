package dev.loopsim.users.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import dev.loopsim.core.world.Title;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MemberDynamicsTest {
    private static final Title COMEDY_DRAMA = new Title(3, new double[] {0.7, 0.3, 0}, new double[] {0}, 0, 0, 1, false);

    @Test
    void boredomJumpsOnAPlayAndDecaysExponentially() {
        MemberDynamics dynamics = new MemberDynamics(new DynamicsParameters(1, 0.5, 7, 0, 0));
        MemberState member = Members.member(0, 1, new double[] {0.2, 0.3, 0.5}, new double[] {0}, 5, 1);
        dynamics.advance(member, 2.0);
        dynamics.afterPlay(member, COMEDY_DRAMA, 2.0);
        assertThat(member.boredom()).containsExactly(0.35, 0.15, 0.0);
        dynamics.advance(member, 9.0); // one time constant later
        assertThat(member.boredom()[0]).isCloseTo(0.35 * Math.exp(-1), offset(1e-15));
        assertThat(member.boredom()[1]).isCloseTo(0.15 * Math.exp(-1), offset(1e-15));
        dynamics.advance(member, 9.0 + 7 * Math.log(2)); // a half-life more
        assertThat(member.boredom()[0]).isCloseTo(0.35 * Math.exp(-1) / 2, offset(1e-15));
        assertThat(member.recentPlayCount()).isEqualTo(1);
        assertThat(member.recentPlayTitle(0)).isEqualTo(3);
    }

    @Test
    void tasteDriftStaysOnTheSimplexAndSpreadsWithTime() {
        MemberDynamics dynamics = new MemberDynamics(new DynamicsParameters(0, 0, 1, 0.1, 0));
        double[] start = {0.2, 0.3, 0.5};
        double sumSquares = 0;
        int members = 2000;
        for (int id = 0; id < members; id++) {
            MemberState member = Members.member(id, 1, start, new double[] {0}, 5, 2);
            dynamics.advance(member, 0);
            for (int day = 1; day <= 25; day++) {
                dynamics.advance(member, day);
                assertThat(Arrays.stream(member.taste()).sum()).isCloseTo(1, offset(1e-12));
                assertThat(Arrays.stream(member.taste()).allMatch(x -> x > 0)).isTrue();
            }
            double change = Math.log(member.taste()[0] / member.taste()[2]) - Math.log(0.2 / 0.5);
            sumSquares += change * change;
        }
        // log(θ_0/θ_2) takes a Gaussian walk with variance 2σ²t = 2·0.01·25 = 0.5.
        // The sample variance of 2000 draws has sd ≈ 0.5·√(2/2000) ≈ 0.016; 5 sigma ≈ 0.08.
        assertThat(sumSquares / members).isCloseTo(0.5, offset(0.08));
    }

    @Test
    void noDriftWithoutNoise() {
        MemberDynamics dynamics = new MemberDynamics(DynamicsParameters.NONE);
        MemberState member = Members.member(0, 1, new double[] {0.2, 0.8}, new double[] {0}, 5, 1);
        dynamics.advance(member, 0);
        dynamics.advance(member, 100);
        assertThat(member.taste()).containsExactly(0.2, 0.8);
    }

    /** Taste moves toward a played title's genres by the exposure weight: after k plays, (1 − w)^k of the start is left. */
    @Test
    void exposureMovesTasteTowardWhatWasPlayed() {
        MemberDynamics dynamics = new MemberDynamics(new DynamicsParameters(0, 0, 1, 0, 0.1));
        MemberState member = Members.member(0, 1, new double[] {0.2, 0.3, 0.5}, new double[] {0}, 5, 1);
        dynamics.advance(member, 0);
        for (int k = 0; k < 5; k++) {
            dynamics.afterPlay(member, COMEDY_DRAMA, 0);
        }
        double left = Math.pow(0.9, 5);
        assertThat(member.taste()[0]).isCloseTo(left * 0.2 + (1 - left) * 0.7, offset(1e-14));
        assertThat(member.taste()[1]).isCloseTo(left * 0.3 + (1 - left) * 0.3, offset(1e-14));
        assertThat(member.taste()[2]).isCloseTo(left * 0.5, offset(1e-14));
        assertThat(Arrays.stream(member.taste()).sum()).isCloseTo(1, offset(1e-14));
    }
}

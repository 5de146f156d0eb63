package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AllocationTest {
    private static final int MEMBERS = 200_000;

    /** Shares within 5 binomial standard errors over 200,000 ids (a false failure has odds below 1e-6 per cell). */
    @Test
    void cellsGetTheirSharesOfMembers() {
        double[] shares = {0.2, 0.3, 0.5};
        Allocation allocation = new Allocation(shares);
        int[] counts = new int[3];
        for (int id = 0; id < MEMBERS; id++) {
            counts[allocation.cellOf(id)]++;
        }
        for (int c = 0; c < 3; c++) {
            double p = shares[c];
            assertThat(counts[c] / (double) MEMBERS).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / MEMBERS)));
        }
    }

    @Test
    void aMembersCellIsStableAndNewSharesMoveOnlyTheMembersAtTheBoundary() {
        Allocation even = new Allocation(new double[] {0.5, 0.5});
        Allocation skewed = new Allocation(new double[] {0.6, 0.4});
        int moved = 0;
        for (int id = 0; id < MEMBERS; id++) {
            assertThat(new Allocation(new double[] {0.5, 0.5}).cellOf(id)).isEqualTo(even.cellOf(id));
            if (even.cellOf(id) != skewed.cellOf(id)) {
                moved++;
                assertThat(even.cellOf(id)).isEqualTo(1); // only treatment members near the boundary join the control
                assertThat(Allocation.point(id)).isBetween(0.5, 0.6);
            }
        }
        assertThat(moved / (double) MEMBERS).isCloseTo(0.1, within(5 * Math.sqrt(0.1 * 0.9 / MEMBERS)));
    }
}

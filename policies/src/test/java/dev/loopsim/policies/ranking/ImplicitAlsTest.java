package dev.loopsim.policies.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.random.RandomStreams;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ImplicitAlsTest {

    @Test
    void everyHalfSweepLowersTheObjective() {
        // 60 members × 40 titles: each member plays titles from one of four blocks, plus noise.
        var random = RandomStreams.of(3, 0).forWorld("ials");
        Map<Integer, BitSet> played = new TreeMap<>();
        for (int u = 0; u < 60; u++) {
            BitSet titles = new BitSet();
            int block = u % 4;
            for (int i = 0; i < 40; i++) {
                double p = i / 10 == block ? 0.6 : 0.05;
                if (random.nextDouble() < p) {
                    titles.set(i);
                }
            }
            played.put(u, titles);
        }
        var p = new ImplicitAls.Parameters(4, 10, 0.5, 1, Weighting.NONE, 10);
        // Unweighted, and with confidence weights from 1 to 5 as inverse propensities would give.
        for (ImplicitAls.PlayWeights w : java.util.List.<ImplicitAls.PlayWeights>of(ImplicitAls.UNWEIGHTED,
                (member, title) -> 1 + (member * 7 + title * 3) % 5)) {
            double[][] y = ImplicitAls.initialFactors(40, 4);
            Map<Integer, double[]> x = ImplicitAls.solveMembers(played, w, y, p);
            double previous = ImplicitAls.objective(played, w, x, y, p);
            double first = previous;
            for (int sweep = 0; sweep < 6; sweep++) {
                y = ImplicitAls.solveTitles(played, w, x, 40, p);
                double afterTitles = ImplicitAls.objective(played, w, x, y, p);
                x = ImplicitAls.solveMembers(played, w, y, p);
                double afterMembers = ImplicitAls.objective(played, w, x, y, p);
                // Each half-step is an exact minimisation in its block: the objective cannot rise (up to rounding).
                assertThat(afterTitles).isLessThanOrEqualTo(previous * (1 + 1e-12));
                assertThat(afterMembers).isLessThanOrEqualTo(afterTitles * (1 + 1e-12));
                previous = afterMembers;
            }
            assertThat(previous).isLessThan(0.8 * first); // and it actually learns something
        }
    }

    @Test
    void membersPreferTheirOwnBlockAfterTraining() {
        Map<Integer, BitSet> played = new TreeMap<>();
        for (int u = 0; u < 40; u++) {
            BitSet titles = new BitSet();
            int block = u % 2;
            for (int j = 0; j < 8; j++) {
                titles.set(block * 10 + (u / 2 + j) % 10); // 8 of the block's 10, a different 8 for each member
            }
            played.put(u, titles);
        }
        var p = new ImplicitAls.Parameters(4, 10, 0.1, 5, Weighting.NONE, 10);
        double[][] y = ImplicitAls.initialFactors(20, 4);
        Map<Integer, double[]> x = null;
        for (int sweep = 0; sweep < 5; sweep++) {
            x = ImplicitAls.solveMembers(played, y, p);
            y = ImplicitAls.solveTitles(played, x, 20, p);
        }
        // Member 0 (block 0) played titles 0–7: it scores 8, 9 of its own block (played by others of the block)
        // above 18, 19 of the other block (member 0's 8, 9 are unplayed by it, like 18, 19).
        double[] x0 = x.get(0);
        assertThat(dot(x0, y[8]) + dot(x0, y[9])).isGreaterThan(dot(x0, y[18]) + dot(x0, y[19]));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}

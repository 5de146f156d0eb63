package dev.loopsim.results.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SlateEstimatorsTest {
    private static final int[] TARGET = {2, 0};

    private static double value(String name, List<SlateRound> rounds) {
        return SlateEstimators.estimate(name, rounds).raw();
    }

    /** Three pages of two slots from a uniform logger over 4 titles (propensities 1/4, then 1/3); the target shows 2, 0. */
    @Test
    void eachEstimatorOnATinyLogGivesItsHandComputedValue() {
        List<SlateRound> rounds = List.of(
                new SlateRound(new int[] {2, 0}, new double[] {0.25, 1.0 / 3}, 4, new double[] {0, 1}, TARGET), // the target's page
                new SlateRound(new int[] {2, 3}, new double[] {0.25, 1.0 / 3}, 4, new double[] {1, 0}, TARGET), // agrees at slot 0
                new SlateRound(new int[] {1, 0}, new double[] {0.25, 1.0 / 3}, 4, new double[] {0, 1}, TARGET)); // agrees at slot 1
        // SIPS: only page 1 agrees throughout, weight 4·3 = 12, reward 1.
        assertThat(value("slate-sips", rounds)).isCloseTo(12.0 / 3, offset(1e-12));
        // IIPS: marginal 1/4 at each slot: page 1 slot 1 (4·1), page 2 slot 0 (4·1), page 3 slot 1 (4·1).
        assertThat(value("slate-iips", rounds)).isCloseTo(12.0 / 3, offset(1e-12));
        // RIPS: page 1 slot 1 weight 4·3 = 12; page 2 slot 0 weight 4; page 3 slot 1 has a disagreeing prefix: 0.
        assertThat(value("slate-rips", rounds)).isCloseTo(16.0 / 3, offset(1e-12));
    }

    /** The exact expectation of an estimator over every slate a uniform logger of n titles in 2 slots can show. */
    private static double expectation(String name, int n, Function<int[], double[]> rewards) {
        List<SlateRound> all = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    int[] slate = {a, b};
                    all.add(new SlateRound(slate, new double[] {1.0 / n, 1.0 / (n - 1)}, n, rewards.apply(slate), TARGET));
                }
            }
        }
        return value(name, all); // each slate once: the mean is the expectation under the uniform logger
    }

    private static final double[][] PHI = {{0.1, 0.3, 0.5, 0.2, 0.4}, {0.05, 0.15, 0.25, 0.1, 0.35}};

    @Test
    void underAdditiveRewardsEveryEstimatorIsExactlyUnbiased() {
        Function<int[], double[]> additive = s -> new double[] {PHI[0][s[0]], PHI[1][s[1]]};
        double truth = PHI[0][TARGET[0]] + PHI[1][TARGET[1]];
        for (String name : SlateEstimators.NAMES) {
            assertThat(expectation(name, 5, additive)).as(name).isCloseTo(truth, offset(1e-12));
        }
    }

    @Test
    void underACascadeOnlyTheEstimatorsThatAllowItStayUnbiased() {
        // A member plays slot 0's title with its appeal, and looks at slot 1 only if not: slot 1's reward depends on slot 0.
        Function<int[], double[]> cascade = s -> new double[] {PHI[0][s[0]], (1 - PHI[0][s[0]]) * PHI[1][s[1]]};
        double truth = PHI[0][TARGET[0]] + (1 - PHI[0][TARGET[0]]) * PHI[1][TARGET[1]];
        assertThat(expectation("slate-sips", 5, cascade)).isCloseTo(truth, offset(1e-12));
        assertThat(expectation("slate-rips", 5, cascade)).isCloseTo(truth, offset(1e-12));
        // IIPS credits slot 1 with the average over what sits above it, not the target's title 2: slot 1's term is
        // φ₁(0)·(1 − mean φ₀ over titles 1..4) = 0.05·(1 − 0.35) instead of 0.05·(1 − 0.5).
        assertThat(expectation("slate-iips", 5, cascade)).isCloseTo(0.5 + 0.05 * 0.65, offset(1e-12));
    }

    @Test
    void whenAnUpperSlotsRewardDependsOnALowerOneOnlyTheWholePageWeightStaysUnbiased() {
        // Slot 1's title draws attention from slot 0 (a member sees the whole page before choosing).
        Function<int[], double[]> competition = s -> new double[] {PHI[0][s[0]] * (1 - PHI[1][s[1]]), PHI[1][s[1]]};
        double truth = PHI[0][TARGET[0]] * (1 - PHI[1][TARGET[1]]) + PHI[1][TARGET[1]];
        assertThat(expectation("slate-sips", 5, competition)).isCloseTo(truth, offset(1e-12));
        // RIPS weighs slot 0 by its own title alone, so slot 0's term averages 1 − φ₁ over the titles below it
        // (0, 1, 3, 4 beside title 2): 0.5·(1 − 0.1625) rather than 0.5·(1 − 0.05).
        assertThat(expectation("slate-rips", 5, competition)).isCloseTo(0.5 * (1 - 0.1625) + 0.05, offset(1e-12));
    }

    @Test
    void thePseudoInverseWeighsSlatesFarLessThanTheWholePageWeight() {
        // n = 5, k = 2: SIPS puts 20 on the one matching slate; PI spreads weights of a few units over all of them.
        double[][] v = SlateEstimators.pseudoInverseWeights(5, 2);
        double target = v[0][0] + v[1][1];
        assertThat(target).isLessThan(20).isGreaterThan(1);
    }
}

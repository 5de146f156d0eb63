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

    /**
     * Each slate estimator's interval covers the truth at small n where its assumption holds: 2,000
     * logs each of 50 and 500 pages from a uniform logger over 5 titles in 2 slots, with rare plays.
     * SIPS and RIPS in a cascade world (a member plays slot 0's title with probability φ₀, else looks
     * at slot 1); IIPS and PI in a world whose reward is additive (only slot 0's title pays). Nominal
     * 95% (measured: 99.6–99.9% at 50 pages, 97.1–99.8% at 500): below 92.5% is 5 sd of a 2,000-log share below it, by chance with probability < 1e-6.
     */
    @Test
    void everySlateIntervalCoversAtSmallNWhereItsEstimatorIsUnbiased() {
        var random = dev.loopsim.core.random.RandomStreams.of(31, 0).forWorld("slate-coverage");
        double[] rare0 = {0.01, 0.03, 0.06, 0.02, 0.04};
        double[] rare1 = {0.02, 0.05, 0.01, 0.03, 0.02};
        double cascadeTruth = rare0[TARGET[0]] + (1 - rare0[TARGET[0]]) * rare1[TARGET[1]];
        double additiveTruth = rare0[TARGET[0]];
        for (int n : new int[] {50, 500}) {
            java.util.Map<String, Integer> covered = new java.util.TreeMap<>();
            int logs = 2000;
            for (int t = 0; t < logs; t++) {
                List<SlateRound> cascade = new ArrayList<>(n);
                List<SlateRound> additive = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int a = random.nextInt(5);
                    int b = random.nextInt(4);
                    b = b >= a ? b + 1 : b;
                    int[] slate = {a, b};
                    double[] p = {0.2, 0.25};
                    boolean first = random.nextDouble() < rare0[a];
                    boolean second = !first && random.nextDouble() < rare1[b];
                    cascade.add(new SlateRound(slate, p, 5, new double[] {first ? 1 : 0, second ? 1 : 0}, TARGET));
                    additive.add(new SlateRound(slate, p, 5, new double[] {first ? 1 : 0, 0}, TARGET));
                }
                for (String name : List.of("slate-sips", "slate-rips")) {
                    covered.merge(name, SlateEstimators.estimate(name, cascade).covers(cascadeTruth) ? 1 : 0, Integer::sum);
                }
                for (String name : List.of("slate-iips", "slate-pi")) {
                    covered.merge(name, SlateEstimators.estimate(name, additive).covers(additiveTruth) ? 1 : 0, Integer::sum);
                }
            }
            for (var entry : covered.entrySet()) {
                assertThat(entry.getValue() / (double) logs).as(entry.getKey() + " at n = " + n).isGreaterThan(0.925);
            }
        }
    }
}

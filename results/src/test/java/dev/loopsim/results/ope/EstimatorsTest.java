package dev.loopsim.results.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class EstimatorsTest {
    /** Four rounds, two actions; the values below are worked out by hand. */
    private static final List<LoggedRound> TINY = List.of(
            new LoggedRound(0, 1, 0.5, new double[]{1, 0}, new double[]{0.6, 0.2}),
            new LoggedRound(1, 0, 0.5, new double[]{1, 0}, new double[]{0.5, 0.3}),
            new LoggedRound(0, 0, 0.25, new double[]{0.5, 0.5}, new double[]{0.4, 0.4}),
            new LoggedRound(1, 1, 0.75, new double[]{0.5, 0.5}, new double[]{0.2, 0.8}));

    private static double value(String estimator, List<LoggedRound> rounds) {
        return Estimators.find(estimator).orElseThrow().estimate(rounds).value();
    }

    @Test
    void eachEstimatorOnATinyLogGivesItsHandComputedValue() {
        // Weights 2, 0, 2, 2/3.
        assertThat(value("ips", TINY)).isCloseTo((2 + 2.0 / 3) / 4, offset(1e-15));
        assertThat(value("snips", TINY)).isCloseTo((2 + 2.0 / 3) / (2 + 0 + 2 + 2.0 / 3), offset(1e-15));
        // Replay: Σ π(a_i)·r_i / Σ π(a_i) = (1 + 0.5) / (1 + 0 + 0.5 + 0.5).
        assertThat(value("replay", TINY)).isCloseTo(0.75, offset(1e-15));
        // DM: model values 0.6, 0.5, 0.4, 0.5.
        assertThat(value("dm", TINY)).isCloseTo(0.5, offset(1e-15));
        // DR: 0.6 + 2·0.4, 0.5 + 0, 0.4 + 2·(−0.4), 0.5 + (2/3)·0.2.
        double dr = (1.4 + 0.5 - 0.4 + 0.5 + 0.2 * 2 / 3) / 4;
        assertThat(value("dr", TINY)).isCloseTo(dr, offset(1e-15));
        assertThat(value("switch-dr", TINY)).isCloseTo(dr, offset(1e-15));
    }

    @Test
    void switchDrDropsTheResidualOfWeightsAboveItsThreshold() {
        List<LoggedRound> rounds = new ArrayList<>(TINY);
        // Weight 1 / 0.05 = 20 > 10: switch-dr keeps only the model's value 0.9 for this round.
        rounds.add(new LoggedRound(0, 0, 0.05, new double[]{1, 0}, new double[]{0.9, 0.1}));
        double dr = (1.4 + 0.5 - 0.4 + 0.5 + 0.2 * 2 / 3 + (0.9 + 20 * (0 - 0.9))) / 5;
        double switched = (1.4 + 0.5 - 0.4 + 0.5 + 0.2 * 2 / 3 + 0.9) / 5;
        assertThat(value("dr", rounds)).isCloseTo(dr, offset(1e-14));
        assertThat(value("switch-dr", rounds)).isCloseTo(switched, offset(1e-14));
    }

    @Test
    void intervalsAreNormalIntervalsOfTheContributions() {
        // IPS contributions 2, 0, 0, 2/3: sample variance 8/9, so se = √(8/9/4).
        OpeEstimate ips = Estimators.find("ips").orElseThrow().estimate(TINY);
        double se = Math.sqrt(8.0 / 9 / 4);
        assertThat(ips.lower()).isCloseTo(2.0 / 3 - Estimators.Z_95 * se, offset(1e-14));
        assertThat(ips.upper()).isCloseTo(2.0 / 3 + Estimators.Z_95 * se, offset(1e-14));
        assertThat(ips.rounds()).isEqualTo(4);
    }

    @Test
    void modelBasedEstimatorsRefuseRoundsWithoutPredictions() {
        List<LoggedRound> rounds = List.of(new LoggedRound(0, 1, 0.5, new double[]{1, 0}, null));
        assertThatThrownBy(() -> Estimators.find("dr").orElseThrow().estimate(rounds))
                .hasMessage("dr needs a reward model's prediction for every round");
        assertThat(value("ips", rounds)).isEqualTo(2);
    }

    /** A uniform log of a 5-armed Bernoulli bandit; the target plays arm k with probability TARGET[k]. */
    private static final double[] MEANS = {0.1, 0.3, 0.5, 0.2, 0.6};
    private static final double[] TARGET = {0.05, 0.1, 0.15, 0.1, 0.6};

    private static List<LoggedRound> uniformLog(UniformRandomProvider random, int n) {
        List<LoggedRound> rounds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int a = random.nextInt(MEANS.length);
            double r = random.nextDouble() < MEANS[a] ? 1 : 0;
            rounds.add(new LoggedRound(a, r, 1.0 / MEANS.length, TARGET, null));
        }
        return rounds;
    }

    private static double truth() {
        double v = 0;
        for (int k = 0; k < MEANS.length; k++) {
            v += TARGET[k] * MEANS[k];
        }
        return v;
    }

    @Test
    void ipsAndReplayAreUnbiasedOnABanditWithKnownTruth() {
        // 400 logs of 2,000 rounds: the mean of 400 estimates has sd ≈ se/20. A 5-sigma band
        // around the truth fails by chance with probability < 1e-6 for each estimator.
        UniformRandomProvider random = RandomStreams.of(3, 0).forWorld("ope");
        double truth = truth();
        for (String name : List.of("ips", "replay")) {
            double sum = 0;
            double sumSquares = 0;
            int covered = 0;
            int logs = 400;
            for (int k = 0; k < logs; k++) {
                OpeEstimate e = Estimators.find(name).orElseThrow().estimate(uniformLog(random, 2000));
                sum += e.value();
                sumSquares += e.value() * e.value();
                covered += e.covers(truth) ? 1 : 0;
            }
            double mean = sum / logs;
            double sd = Math.sqrt((sumSquares - logs * mean * mean) / (logs - 1));
            assertThat(mean).as(name).isCloseTo(truth, offset(5 * sd / Math.sqrt(logs)));
            // Nominal 95% coverage: with 400 logs, sd of the coverage ≈ 0.011; ±4 sd fails by chance < 1e-4.
            assertThat(covered / (double) logs).as(name + " coverage").isBetween(0.95 - 0.044, 0.95 + 0.044);
        }
    }
}

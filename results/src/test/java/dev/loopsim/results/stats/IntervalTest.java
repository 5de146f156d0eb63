package dev.loopsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void studentTIntervalOfThreeValues() {
        // mean 2, sd 1, se 1/√3; t(0.975, 2) = 4.302653
        Interval i = Interval.of(new double[] {1, 2, 3}, 0.95);
        assertThat(i.mean()).isEqualTo(2);
        assertThat(i.halfWidth()).isCloseTo(4.302653 / Math.sqrt(3), offset(1e-5));
        assertThat(i.n()).isEqualTo(3);
    }

    @Test
    void oneValueHasNoInterval() {
        Interval i = Interval.of(new double[] {5}, 0.95);
        assertThat(i.mean()).isEqualTo(5);
        assertThat(i.lower()).isNaN();
    }

    @Test
    void identicalValuesHaveZeroWidthExactly() {
        Interval i = Interval.of(new double[] {0.1, 0.1, 0.1}, 0.95);
        assertThat(i.lower()).isEqualTo(0.1);
        assertThat(i.upper()).isEqualTo(0.1);
    }

    @Test
    void oneSidedPValue() {
        // t = mean/se = 2/(1/√3) = 3.4641 with 2 df: one-sided p = 0.03709
        assertThat(Interval.pValueGreaterThanZero(new double[] {1, 2, 3})).isCloseTo(0.03709, offset(1e-4));
        assertThat(Interval.pValueGreaterThanZero(new double[] {-1, -2, -3})).isCloseTo(1 - 0.03709, offset(1e-4));
    }

    @Test
    void identicalDifferencesAreWeighedByTheSignTestNotCalledCertain() {
        // Two replicates with the same positive difference: P(both positive | no effect) = 1/4, not 0.
        assertThat(Interval.pValueGreaterThanZero(new double[] {0.01, 0.01})).isEqualTo(0.25);
        assertThat(Interval.pValueGreaterThanZero(new double[] {0.01, 0.01, 0.01, 0.01, 0.01})).isEqualTo(1 / 32.0);
        assertThat(Interval.pValueGreaterThanZero(new double[] {-2, -2})).isEqualTo(0.75);
        assertThat(Interval.pValueGreaterThanZero(new double[] {0, 0, 0})).isEqualTo(0.5);
    }

    @Test
    void coverageIsNominalOnNormalData() {
        var random = dev.loopsim.core.random.RandomStreams.of(4, 0).forWorld("coverage");
        var gaussian = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(random);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] values = new double[4];
            for (int k = 0; k < 4; k++) {
                values[k] = 10 + 2 * gaussian.sample();
            }
            Interval i = Interval.of(values, 0.9);
            covered += i.lower() <= 10 && 10 <= i.upper() ? 1 : 0;
        }
        // Binomial(4000, 0.9): sd 0.0047; a 5-sigma band fails by chance < 1e-6.
        assertThat(covered / (double) trials).isCloseTo(0.9, offset(0.024));
    }
}

package dev.loopsim.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.random.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/** Exact binomial tests, one-sided bounds that agree with their tests, TOST, and replicate planning. */
class TestsAndBoundsTest {

    @Test
    void threeCoveredOfThreeAgainstEightyFivePercentIsFarFromSignificant() {
        // P(X ≥ 3 | n = 3, p = 0.85) = 0.85³ = 0.614125: the old t-test called it p = 0.
        assertThat(Binomial.atLeast(3, 3, 0.85)).isCloseTo(0.614125, offset(1e-12));
        assertThat(Binomial.atLeast(0, 3, 0.85)).isEqualTo(1);
        // P(X ≤ 1 | n = 4, p = 0.5) = 5/16.
        assertThat(Binomial.atMost(1, 4, 0.5)).isCloseTo(5.0 / 16, offset(1e-12));
    }

    @Test
    void clopperPearsonBoundsHaveTheirClosedFormsAtTheEnds() {
        // 0 of n: the upper bound solves (1 − p)^n = α; n of n: the lower bound solves p^n = α.
        assertThat(Binomial.upperBound(0, 155, 0.95)).isCloseTo(1 - Math.pow(0.05, 1.0 / 155), offset(1e-12));
        assertThat(Binomial.lowerBound(20, 20, 0.95)).isCloseTo(Math.pow(0.05, 1.0 / 20), offset(1e-12));
        assertThat(Binomial.lowerBound(0, 20, 0.95)).isZero();
        assertThat(Binomial.upperBound(20, 20, 0.95)).isEqualTo(1);
    }

    @Test
    void aClopperPearsonBoundExceedsAThresholdExactlyWhenTheExactTestRejects() {
        for (int n = 1; n <= 60; n++) {
            for (int k = 0; k <= n; k++) {
                for (double p0 : new double[] {0.05, 0.5, 0.85, 0.95}) {
                    boolean rejects = Binomial.atLeast(k, n, p0) < 0.05;
                    double bound = Binomial.lowerBound(k, n, 0.95);
                    if (Math.abs(bound - p0) > 1e-9) { // at equality either side is rounding
                        assertThat(bound > p0).as("k=%d n=%d p0=%s", k, n, p0).isEqualTo(rejects);
                    }
                }
            }
        }
    }

    @Test
    void theOneSidedBoundAgreesWithTheTTestOnEveryDataSet() {
        UniformRandomProvider random = RandomStreams.of(8, 0).forWorld("bounds");
        var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        for (int t = 0; t < 2000; t++) {
            double[] values = new double[2 + t % 9];
            for (int k = 0; k < values.length; k++) {
                values[k] = 0.3 + gaussian.sample();
            }
            double p = Interval.pValueGreaterThanZero(values);
            double bound = Interval.lowerBound(values, 0.95);
            if (Math.abs(bound) > 1e-9) {
                assertThat(bound > 0).isEqualTo(p < 0.05);
            }
            assertThat(Interval.upperBound(values, 0.95)).isGreaterThan(bound);
        }
    }

    @Test
    void withoutSpreadTheBoundIsTheSignTests() {
        assertThat(Interval.lowerBound(new double[] {2, 2, 2}, 0.95)).isEqualTo(Double.NEGATIVE_INFINITY); // 0.5³ = 0.125
        assertThat(Interval.lowerBound(new double[] {2, 2, 2, 2, 2}, 0.95)).isEqualTo(2); // 0.5⁵ = 0.031
        assertThat(Interval.pValueWithin(new double[] {2, 2, 2, 2, 2}, 1, 3)).isEqualTo(1 / 32.0);
    }

    /**
     * TOST's error rates: with the true mean on the range's edge it passes at most 5% of the time;
     * with the mean in the middle, 3 sd from each edge, 8 replicates nearly always pass. 4,000 trials:
     * the edge rate's sd is ≤ 0.0035, so 0.05 + 0.014 fails by chance with probability < 1e-4.
     */
    @Test
    void equivalencePassesAtMostAlphaOnTheEdgeAndAlmostAlwaysInside() {
        UniformRandomProvider random = RandomStreams.of(9, 0).forWorld("tost");
        var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        int trials = 4000;
        int passedOnEdge = 0;
        int passedInside = 0;
        for (int t = 0; t < trials; t++) {
            double[] edge = new double[8];
            double[] inside = new double[8];
            for (int k = 0; k < 8; k++) {
                double noise = gaussian.sample();
                edge[k] = 1 + noise;
                inside[k] = 4 + noise;
            }
            passedOnEdge += Interval.pValueWithin(edge, 1, 7) < 0.05 ? 1 : 0;
            passedInside += Interval.pValueWithin(inside, 1, 7) < 0.05 ? 1 : 0;
        }
        assertThat(passedOnEdge / (double) trials).isLessThan(0.064);
        assertThat(passedInside / (double) trials).isGreaterThan(0.99); // power ≈ 0.9999 at 3 sd, 8 replicates
    }

    @Test
    void planningMatchesTheTextbookAndDeliversItsPower() {
        // A one-sided one-sample t-test at 5% detecting d = 0.5 with 80% power needs 27 (the noncentral t's exact answer).
        assertThat(Power.replicatesForMean(0.5, 1, 0.05, 0.8)).isBetween(26, 28);
        assertThat(Power.replicatesForMean(1, 1, 0.05, 0.8)).isBetween(7, 9); // exact: 8
        int n = Power.replicatesForMean(0.5, 1, 0.05, 0.8);
        // At the planned n the test passes in ~80% of 4,000 trials (sd 0.0063): below 0.77 fails by chance < 1e-5.
        UniformRandomProvider random = RandomStreams.of(10, 0).forWorld("power");
        var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        int passed = 0;
        for (int t = 0; t < 4000; t++) {
            double[] values = new double[n];
            for (int k = 0; k < n; k++) {
                values[k] = 0.5 + gaussian.sample();
            }
            passed += Interval.pValueGreaterThanZero(values) < 0.05 ? 1 : 0;
        }
        assertThat(passed / 4000.0).isGreaterThan(0.77);
        // A share of 0.97 against 0.85: the exact test's power reaches 80% first at the n found.
        int shares = Power.replicatesForShare(0.97, 0.85, 0.05, 0.8);
        int critical = Power.criticalCount(shares, 0.85, 0.05);
        assertThat(Binomial.atLeast(critical, shares, 0.97)).isGreaterThanOrEqualTo(0.8);
        assertThat(Binomial.atLeast(critical, shares, 0.85)).isLessThan(0.05);
    }
}

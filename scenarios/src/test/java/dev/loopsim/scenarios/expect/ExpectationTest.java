package dev.loopsim.scenarios.expect;

import dev.loopsim.scenarios.run.ExpectationChecker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.scenarios.run.CellRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectationTest {

    /** Cells a and b over four replicates: a.m = 2, 3, 4, 5; b.m = 1, 1, 2, 2. */
    private static List<CellRun> runs() {
        List<CellRun> runs = new ArrayList<>();
        double[] a = {2, 3, 4, 5};
        double[] b = {1, 1, 2, 2};
        for (int r = 0; r < 4; r++) {
            runs.add(new CellRun("a", r, Map.of("m", a[r]), List.of(), 1, 0));
            runs.add(new CellRun("b", r, Map.of("m", b[r]), List.of(), 1, 0));
        }
        return runs;
    }

    private static ExpectationResult check(String text) {
        return ExpectationChecker.check(Expectation.parse(text), runs(), 4, 0.95);
    }

    @Test
    void comparesCellsConstantsAndRatiosPairedByReplicate() {
        assertThat(check("a.m > b.m").passed()).isTrue();
        assertThat(check("a.m > b.m").estimate()).isEqualTo(2.0); // (1 + 2 + 2 + 3) / 4
        assertThat(check("b.m < 1.0").passed()).isFalse();
        assertThat(check("a.m > 1").estimate()).isEqualTo(2.5);
        // a/b per replicate: 2, 3, 2, 2.5, mean 2.375; against 1.5 the difference is 0.875.
        assertThat(check("a.m / b.m > 1.5").estimate()).isEqualTo(0.875);
        assertThat(check("a.m / b.m > 1.5").passed()).isTrue();
        assertThat(check("a.m / b.m < 1.5").passed()).isFalse();
        assertThat(check("1.2 < a.m / b.m").passed()).isTrue(); // differences 0.8, 1.8, 0.8, 1.3: t = 4.9
    }

    @Test
    void flippingAnExpectationThatHoldsMakesItFail() {
        assertThat(check("a.m > b.m").passed()).isTrue();
        assertThat(check("a.m < b.m").passed()).isFalse();
        assertThat(check("a.m < b.m").pValue()).isGreaterThan(0.95);
    }

    @Test
    void listsTheReferencesItReadsAndRejectsMalformedText() {
        assertThat(Expectation.parse("x.take_fraction / y.take_fraction > z.homogenization").references())
                .extracting(Expectation.Reference::cell).containsExactly("x", "y", "z");
        assertThatThrownBy(() -> Expectation.parse("a.m >> b.m")).hasMessageContaining("expected 'cell.metric > cell.metric'");
        assertThatThrownBy(() -> Expectation.parse("1 > 2")).hasMessageContaining("name at least one cell.metric");
        assertThatThrownBy(() -> Expectation.parse("a.m / b.m / c.m > 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRangeHoldsOnlyWhenTheReplicatesShowTheMeanInside() {
        // a.m = 2, 3, 4, 5: mean 3.5, sd 1.29; the 90% interval (the TOST at 5%) is 3.5 ± 2.353·0.645 = 1.98 to 5.02.
        assertThat(check("a.m between 0 and 7").passed()).isTrue();
        assertThat(check("a.m between 0 and 7").test()).isEqualTo(ExpectationResult.Test.EQUIVALENCE);
        assertThat(check("a.m between 0 and 7").lower()).isCloseTo(3.5 - 2.3533634 * Math.sqrt(5.0 / 3 / 4), offset(1e-6));
        assertThat(check("a.m between 3 and 4").passed()).isFalse(); // the mean is inside, but the replicates cannot show it
        assertThat(check("a.m between 3 and 4").detail()).startsWith("not shown").contains("mean 3.5", "loopsim check --plan");
        assertThat(check("a.m between 3.6 and 4").detail()).startsWith("does not hold");
        // a/b per replicate 2, 3, 2, 2.5: mean 2.375, sd 0.479, interval 2.375 ± 0.563.
        assertThat(check("a.m / b.m between 1.5 and 3").passed()).isTrue();
        assertThatThrownBy(() -> Expectation.parse("a.m between 4 and 3")).hasMessageContaining("A must not exceed B");
        assertThatThrownBy(() -> Expectation.parse("2 between 1 and 3")).hasMessageContaining("name at least one cell.metric");
    }

    @Test
    void baselinesAllowAnAbsoluteOrRelativeToleranceTestedForEquivalence() {
        Map<String, Double> baseline = Map.of("a.m", 3.4);
        // The interval 1.98 to 5.02 lies inside 3.4 ± 2 and inside 3.4 ± 50% (1.7 to 5.1), but not 3.4 ± 40% (2.04 to 4.76).
        assertThat(checkBaseline("a.m within 2 of baseline", baseline).passed()).isTrue();
        assertThat(checkBaseline("a.m within 0.2 of baseline", baseline).passed()).isFalse();
        assertThat(checkBaseline("a.m within 50% of baseline", baseline).passed()).isTrue();
        assertThat(checkBaseline("a.m within 40% of baseline", baseline).passed()).isFalse();
        ExpectationResult missing = checkBaseline("b.m within 1 of baseline", baseline);
        assertThat(missing.passed()).isFalse();
        assertThat(missing.detail()).contains("no baseline stored for b.m", "loopsim baseline save");
        assertThatThrownBy(() -> Expectation.parse("a.m / b.m within 1 of baseline")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ExpectationResult checkBaseline(String text, Map<String, Double> baseline) {
        return ExpectationChecker.check(Expectation.parse(text), runs(), 4, 0.95, baseline);
    }

    @Test
    void aShareOfCoveredReplicatesGetsTheExactBinomialTest() {
        List<CellRun> runs = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            runs.add(new CellRun("oracle", r, Map.of("ope_ips_covered", 1.0), List.of(), 1, 0));
        }
        // 3 of 3 against 0.85: P(X ≥ 3) = 0.85³ = 0.614, where a t-test without spread once said p = 0.
        ExpectationResult r = ExpectationChecker.check(Expectation.parse("oracle.ope_ips_covered > 0.85"), runs, 3, 0.95);
        assertThat(r.test()).isEqualTo(ExpectationResult.Test.BINOMIAL);
        assertThat(r.pValue()).isCloseTo(0.614125, offset(1e-12));
        assertThat(r.passed()).isFalse();
        assertThat(r.lower()).isCloseTo(Math.pow(0.05, 1.0 / 3), offset(1e-12)); // the one-sided bound, 0.368
        assertThat(r.detail()).contains("3 of 3 replicates", "exact binomial p = 0.614");
        ExpectationResult flipped = ExpectationChecker.check(Expectation.parse("0.85 < oracle.ope_ips_covered"), runs, 3, 0.95);
        assertThat(flipped.pValue()).isEqualTo(r.pValue());
    }

    @Test
    void aPassingComparisonShowsABoundOnItsOwnSide() {
        ExpectationResult r = check("a.m > b.m");
        assertThat(r.passed()).isTrue();
        assertThat(r.lower()).isGreaterThan(0);
        assertThat(r.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.detail()).contains("one-sided 95% bound");
    }

    /**
     * Five expectations that are all false (each cell's metric is noise around 0), 1,000 times over:
     * tested one by one at 5%, some pass in about 1 − 0.95⁵ = 23% of the trials; with Holm's
     * correction, in at most 5%. With 1,000 trials the rate's sd is ≤ 0.007, so the bounds below
     * (4 sd away) fail by chance with probability < 1e-4.
     */
    @Test
    void holmKeepsTheChanceOfAnyFalsePassAtTheLevel() {
        var random = dev.loopsim.core.random.RandomStreams.of(12, 0).forWorld("holm");
        var gaussian = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(random);
        List<Expectation> expectations = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            expectations.add(Expectation.parse("c" + c + ".m > 0"));
        }
        int anyUncorrected = 0;
        int anyHolm = 0;
        int trials = 1000;
        for (int t = 0; t < trials; t++) {
            List<CellRun> runs = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                for (int r = 0; r < 10; r++) {
                    runs.add(new CellRun("c" + c, r, Map.of("m", gaussian.sample()), List.of(), 1, 0));
                }
            }
            anyUncorrected += ExpectationChecker.checkAll(expectations, runs, 10, 0.95, Map.of(), MultipleTesting.NONE).stream()
                    .anyMatch(ExpectationResult::passed) ? 1 : 0;
            List<ExpectationResult> holm = ExpectationChecker.checkAll(expectations, runs, 10, 0.95, Map.of(), MultipleTesting.HOLM);
            anyHolm += holm.stream().anyMatch(ExpectationResult::passed) ? 1 : 0;
            for (ExpectationResult e : holm) { // a pass always shows its bound above 0, at its step's level
                assertThat(!e.passed() || e.lower() > 0).isTrue();
            }
        }
        assertThat(anyUncorrected / (double) trials).isBetween(0.226 - 0.053, 0.226 + 0.053);
        assertThat(anyHolm / (double) trials).isLessThan(0.05 + 0.028);
    }

    @Test
    void holmTestsTheSmallestPAtTheStrictestLevelAndAdjustsEveryP() {
        // a.m > b.m has p = 0.0046 (t = 4.9, 3 df); b.m > 1.2 has p ≈ 0.19. m = 2: the first is tested at 2.5%.
        List<ExpectationResult> results = ExpectationChecker.checkAll(List.of(Expectation.parse("b.m > 1.2"),
                Expectation.parse("a.m > b.m")), runs(), 4, 0.95, Map.of(), MultipleTesting.HOLM);
        ExpectationResult strongest = results.get(1);
        ExpectationResult single = check("a.m > b.m");
        assertThat(strongest.passed()).isTrue();
        assertThat(strongest.pValue()).isCloseTo(2 * single.pValue(), offset(1e-12));
        assertThat(strongest.level()).isEqualTo(0.975);
        assertThat(strongest.detail()).contains("step 1 of Holm's correction over 2 expectations");
        assertThat(results.get(0).passed()).isFalse();
    }

    @Test
    void planningSaysHowManyReplicatesWouldShowWhatOneDoesNot() {
        // b.m > 1.2 fails at 4 replicates: margin 0.3, sd 0.577 (d = 0.52): about 25 replicates detect it with 80% power.
        ExpectationResult weak = check("b.m > 1.2");
        assertThat(weak.passed()).isFalse();
        int n = ExpectationChecker.plan(weak, Double.NaN, 0.8, 0.95);
        assertThat(n).isBetween(22, 27);
        assertThat(ExpectationChecker.plan(weak, 0.6, 0.8, 0.95)).isLessThan(n); // a larger effect needs fewer
        assertThat(ExpectationChecker.plan(check("a.m < b.m"), Double.NaN, 0.8, 0.95)).isEqualTo(-1);
        assertThat(ExpectationChecker.plan(check("a.m between 3 and 4"), Double.NaN, 0.8, 0.95)).isGreaterThan(4);
    }
}

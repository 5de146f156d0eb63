package dev.loopsim.scenarios.expect;

import dev.loopsim.scenarios.run.ExpectationChecker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(check("a.m > b.m").difference().mean()).isEqualTo(2.0); // (1 + 2 + 2 + 3) / 4
        assertThat(check("b.m < 1.0").passed()).isFalse();
        assertThat(check("a.m > 1").difference().mean()).isEqualTo(2.5);
        // a/b per replicate: 2, 3, 2, 2.5, mean 2.375; against 1.5 the difference is 0.875.
        assertThat(check("a.m / b.m > 1.5").difference().mean()).isEqualTo(0.875);
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
    void rangesHoldTheMeanOverReplicates() {
        assertThat(check("a.m between 3 and 4").passed()).isTrue(); // mean 3.5
        assertThat(check("a.m between 3.6 and 4").passed()).isFalse();
        assertThat(check("a.m / b.m between 2 and 2.5").passed()).isTrue(); // mean 2.375
        assertThat(check("a.m between 3.6 and 4").detail()).contains("mean 3.5", "outside [3.6, 4]");
        assertThatThrownBy(() -> Expectation.parse("a.m between 4 and 3")).hasMessageContaining("A must not exceed B");
        assertThatThrownBy(() -> Expectation.parse("2 between 1 and 3")).hasMessageContaining("name at least one cell.metric");
    }

    @Test
    void baselinesAllowAnAbsoluteOrRelativeTolerance() {
        Map<String, Double> baseline = Map.of("a.m", 3.4);
        assertThat(ExpectationChecker.check(Expectation.parse("a.m within 0.2 of baseline"), runs(), 4, 0.95, baseline).passed())
                .isTrue();
        assertThat(ExpectationChecker.check(Expectation.parse("a.m within 0.05 of baseline"), runs(), 4, 0.95, baseline).passed())
                .isFalse();
        // 3% of 3.4 is 0.102: the mean 3.5 is 0.1 away.
        assertThat(ExpectationChecker.check(Expectation.parse("a.m within 3% of baseline"), runs(), 4, 0.95, baseline).passed())
                .isTrue();
        assertThat(ExpectationChecker.check(Expectation.parse("a.m within 2% of baseline"), runs(), 4, 0.95, baseline).passed())
                .isFalse();
        ExpectationResult missing = ExpectationChecker.check(Expectation.parse("b.m within 1 of baseline"), runs(), 4, 0.95, baseline);
        assertThat(missing.passed()).isFalse();
        assertThat(missing.detail()).contains("no baseline stored for b.m", "loopsim baseline save");
        assertThatThrownBy(() -> Expectation.parse("a.m / b.m within 1 of baseline")).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled quickstart, as shipped: its expectations hold and its numbers make sense. */
class QuickstartTest {
    static ExperimentResult result;

    @BeforeAll
    static void run() throws Exception {
        result = new ExperimentRunner(2, ProgressListener.NONE).run(ScenarioLoader.load(ScenarioSource.resolve("quickstart")).spec());
    }

    private static double value(String cell, int replicate, String metric) {
        return result.runs().stream().filter(r -> r.cell().equals(cell) && r.replicate() == replicate).findFirst()
                .orElseThrow().metrics().get(metric);
    }

    @Test
    void expectationsHold() {
        assertThat(result.expectations()).hasSize(3).allSatisfy(e -> assertThat(e.passed()).as(e.detail()).isTrue());
        assertThat(result.expectations()).extracting(ExpectationResult::pValue).allMatch(p -> p < 0.05);
    }

    @Test
    void oracleBeatsPopularityBeatsRandomInEveryReplicate() {
        for (int r = 0; r < 3; r++) {
            assertThat(value("oracle", r, Metrics.TAKE_FRACTION)).isGreaterThan(value("popularity", r, Metrics.TAKE_FRACTION));
            assertThat(value("popularity", r, Metrics.TAKE_FRACTION)).isGreaterThan(value("random", r, Metrics.TAKE_FRACTION));
            assertThat(value("oracle", r, Metrics.EXPECTED_REGRET_PER_VISIT)).isZero();
            assertThat(value("random", r, Metrics.EXPECTED_REGRET_PER_VISIT)).isPositive();
        }
    }

    @Test
    void satisfactionFeedsTraffic() {
        // Better pages make for more satisfying visits, which raise the visit intensity.
        for (int r = 0; r < 3; r++) {
            assertThat(value("oracle", r, Metrics.VISITS_PER_MEMBER_WEEK))
                    .isGreaterThan(value("random", r, Metrics.VISITS_PER_MEMBER_WEEK));
        }
    }

    @Test
    void popularityShowsEveryoneTheSameFewTitles() {
        // One all-time ranking for everyone: 50 slots out of 500 titles.
        assertThat(value("popularity", 0, Metrics.CATALOG_COVERAGE)).isEqualTo(0.1);
        assertThat(value("random", 0, Metrics.CATALOG_COVERAGE)).isEqualTo(1.0);
    }
}

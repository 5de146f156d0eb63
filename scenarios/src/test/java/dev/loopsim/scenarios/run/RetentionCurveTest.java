package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionCurveTest {

    /** Everyone joins on day 0 and the horizon is 4 weeks: the curve's last point is 1 − the churn rate. */
    @Test
    void theCurveStartsAtOneFallsAndEndsAtTheShareNotChurned() throws Exception {
        var spec = ScenarioLoader.load(new ScenarioSource("r.yaml", """
                name: retention
                replicates: 2
                horizon_days: 28
                world:
                  catalog: {titles: 50}
                  population: {members: 400, visits_per_week_median: 1}
                  churn: {min_visits_per_week: 1, after_days: 7}
                cells:
                  - {name: random, ranker: {type: random}}
                """), List.of()).spec();
        ExperimentResult result = new ExperimentRunner(2, ProgressListener.NONE).run(spec);
        for (CellRun run : result.runs()) {
            List<Double> curve = run.retention();
            assertThat(curve).hasSize(5);
            assertThat(curve.get(0)).isEqualTo(1.0);
            for (int week = 1; week < curve.size(); week++) {
                assertThat(curve.get(week)).isLessThanOrEqualTo(curve.get(week - 1));
            }
            assertThat(curve.get(4)).isCloseTo(1 - run.metrics().get(Metrics.CHURN_RATE), within(1e-12));
            assertThat(curve.get(4)).isLessThan(0.95); // members do churn here, so the check has teeth
        }
    }
}

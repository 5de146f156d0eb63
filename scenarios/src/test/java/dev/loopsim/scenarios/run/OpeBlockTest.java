package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ope block end to end, with a non-uniform logging policy whose propensities come from exploration. */
class OpeBlockTest {
    private static final String SCENARIO = """
            name: ope-block
            seed: 3
            replicates: 40
            horizon_days: 14
            update_every: 1d
            world:
              catalog: {titles: 30, genres: 4}
              population: {members: 400}
              dynamics: {boredom_weight: 0, drift_sd_per_sqrt_day: 0}
              visits: {excitation: 0}
              churn: {min_visits_per_week: 0}
            page: {rows: 1, columns: 1}
            cells:
              - {name: logging, ranker: {type: popularity}, retrain_every: 0d, explore: 0.5}
              - {name: oracle, ranker: {type: oracle}}
              - {name: uniform, ranker: {type: random}}
            ope: {logging: logging, targets: [oracle, uniform], estimators: [ips, snips, dr]}
            metrics: {regret: false}
            """;

    @TempDir
    Path temp;

    private static ExperimentResult run(int threads, String... overrides) throws Exception {
        var loaded = ScenarioLoader.load(new ScenarioSource("ope-block.yaml", SCENARIO), List.of(overrides));
        return new ExperimentRunner(threads, ProgressListener.NONE).run(loaded.spec());
    }

    /**
     * Logging favours the most popular title (0.5 + 0.5/30) and shows each other at 0.5/30. If the
     * logged propensities are right, IPS, SNIPS and DR are unbiased for both targets: over 40
     * replicates the mean error is within 4 standard errors of 0 (a false failure has odds of
     * about 6e-5 per check under the t approximation), and the truth is the target's own run.
     */
    @Test
    void estimatesFromExploringLogsAreUnbiasedForTheOnPolicyTruth() throws Exception {
        ExperimentResult result = run(2);
        List<OpeTruth.Summary> summaries = OpeTruth.summarise(result.ope());
        assertThat(summaries).hasSize(6);
        for (OpeTruth.Summary s : summaries) {
            double[] errors = result.ope().stream().filter(r -> r.target().equals(s.target())
                    && r.estimate().estimator().equals(s.estimator())).mapToDouble(OpeTruth.Row::error).toArray();
            double sd = Math.sqrt(java.util.Arrays.stream(errors).map(e -> (e - s.bias()) * (e - s.bias())).sum()
                    / (errors.length - 1));
            assertThat(Math.abs(s.bias())).as(s.target() + " " + s.estimator()).isLessThan(4 * sd / Math.sqrt(errors.length));
            assertThat(s.coverage()).as(s.target() + " " + s.estimator()).isGreaterThan(0.8);
        }
        // The oracle is far better than the logging policy, so this is not a trivial agreement.
        double logged = result.summary().get("logging").get("take_fraction").mean();
        assertThat(result.summary().get("oracle").get("take_fraction").mean()).isGreaterThan(1.5 * logged);
    }

    @Test
    void theBlockIsByteIdenticalForOneAndTwoThreads(@TempDir Path out) throws Exception {
        Path one = out.resolve("1");
        Path two = out.resolve("2");
        RunWriter.finish(RunWriter.start(one, "x"), run(1, "replicates=2"), 1);
        RunWriter.finish(RunWriter.start(two, "x"), run(2, "replicates=2"), 2);
        for (String file : List.of("ope.csv", "summary.json", "runs.csv")) {
            assertThat(Files.readAllBytes(two.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
    }
}

package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same scenario and seed: byte-identical outputs for any thread count; another seed: other outputs. */
class DeterminismTest {
    private static final String SCENARIO = """
            name: determinism
            seed: 5
            replicates: 2
            horizon_days: 8
            update_every: 2h
            world:
              catalog: {titles: 120, new_title_share: 0.2, release_window_days: 6}
              population: {members: 500, new_member_share: 0.2, join_window_days: 6}
              churn: {min_visits_per_week: 2, after_days: 3}
            cells:
              - name: random
                ranker: {type: random}
              - name: popularity
                ranker: {type: popularity}
                retrain_every: 12h
              - name: oracle
                ranker: {type: oracle}
              - name: rows
                rows:
                  - {kind: continue-watching}
                  - {kind: new-releases, ranker: {type: random}}
                  - {kind: because-you-watched}
                  - {kind: trending, ranker: {type: trending, score: take-rate}}
                  - {kind: "genre:2"}
                artwork: {type: thompson, reward: completion}
                retrain_every: 1d
            metrics: {retention_days: [7]}
            """;

    @TempDir
    Path temp;

    private Path run(int threads, String... overrides) throws Exception {
        var loaded = ScenarioLoader.load(new ScenarioSource("determinism.yaml", SCENARIO), List.of(overrides));
        ExperimentResult result = new ExperimentRunner(threads, ProgressListener.NONE).run(loaded.spec());
        Path out = temp.resolve("t" + threads + String.join("", overrides));
        RunWriter.finish(RunWriter.start(out, loaded.resolvedYaml()), result, threads);
        return out;
    }

    @Test
    void outputsAreByteIdenticalForOneTwoAndThreeThreads() throws Exception {
        Path one = run(1);
        Path two = run(2);
        Path three = run(3);
        for (String file : List.of("scenario.yaml", "manifest.json", "summary.json", "daily.csv", "runs.csv")) {
            byte[] expected = Files.readAllBytes(one.resolve(file));
            assertThat(Files.readAllBytes(two.resolve(file))).as(file).isEqualTo(expected);
            assertThat(Files.readAllBytes(three.resolve(file))).as(file).isEqualTo(expected);
        }
        assertThat(Files.readString(one.resolve("daily.csv")).lines().count()).isEqualTo(1 + 4 * 2 * 8);
    }

    /** The hazard rule draws from each member's visit stream: still the same bytes for any thread count. */
    @Test
    void hazardChurnIsByteIdenticalForOneAndThreeThreads() throws Exception {
        String[] hazard = {"world.churn.type=hazard", "world.churn.rate_per_week=0.3", "world.churn.satisfaction_weight=1"};
        Path one = run(1, hazard);
        Path three = run(3, hazard);
        for (String file : List.of("summary.json", "daily.csv", "runs.csv")) {
            assertThat(Files.readAllBytes(three.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
        assertThat(Files.readString(one.resolve("summary.json"))).as("the hazard changes who leaves")
                .isNotEqualTo(Files.readString(run(1).resolve("summary.json")));
    }

    @Test
    void anotherSeedGivesOtherResults() throws Exception {
        Path base = run(2);
        Path other = run(2, "seed=6");
        assertThat(Files.readString(other.resolve("daily.csv"))).isNotEqualTo(Files.readString(base.resolve("daily.csv")));
    }
}

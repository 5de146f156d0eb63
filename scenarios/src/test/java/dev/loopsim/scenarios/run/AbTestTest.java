package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbTestTest {
    private static final String TEST = """
            name: ab
            replicates: 5
            horizon_days: 14
            update_every: 12h
            world:
              catalog: {titles: 60}
              population: {members: 300}
            page: {rows: 1, columns: 5}
            mode: ab-test
            ab_test: {training: [pooled], readout_days: [7], counterfactual: false}
            metrics: {regret: false}
            cells:
              - {name: control, ranker: {type: popularity}}
              - {name: treatment, ranker: {type: popularity}}
            """;

    private static ExperimentResult run(String yaml, int threads, String... overrides) throws Exception {
        var loaded = ScenarioLoader.load(new ScenarioSource("ab.yaml", yaml), List.of(overrides));
        return new ExperimentRunner(threads, ProgressListener.NONE).run(loaded.spec());
    }

    private static AbEffect effect(ExperimentResult result, String variant, int day, String metric) {
        return result.abEffects().stream().filter(e -> e.variant().equals(variant) && e.day() == day
                && e.metric().equals(metric)).findFirst().orElseThrow();
    }

    /**
     * An A/A test (two identical arms) has a true effect of 0. Over 40 seeds, the 95% interval of the
     * take-fraction lift over replicates, and the interval one test's members give for the lift in
     * plays per member, must each cover 0 at least 32 times: at the nominal 95%, fewer has odds of
     * about 1e-3.
     */
    @Test
    void anAaTestsIntervalsCoverZeroAtCloseToTheNominalRate() throws Exception {
        int covered = 0;
        int coveredByMembers = 0;
        double meanLift = 0;
        for (int seed = 1; seed <= 40; seed++) {
            ExperimentResult result = run(TEST, 2, "seed=" + seed);
            AbEffect e = effect(result, "pooled", 14, "take_fraction");
            covered += e.lift().lower() <= 0 && 0 <= e.lift().upper() ? 1 : 0;
            meanLift += e.lift().mean() / 40;
            AbEffect plays = effect(result, "pooled", 14, "plays_per_member");
            coveredByMembers += plays.analystLower() <= 0 && 0 <= plays.analystUpper() ? 1 : 0;
        }
        assertThat(covered).isGreaterThanOrEqualTo(32);
        assertThat(coveredByMembers).isGreaterThanOrEqualTo(32);
        assertThat(Math.abs(meanLift)).isLessThan(0.05);
    }

    @Test
    void aRealEffectIsFoundAndEachArmMeasuresOnlyItsMembers() throws Exception {
        ExperimentResult result = run(TEST.replace("counterfactual: false", "counterfactual: true")
                .replace("{name: control, ranker: {type: popularity}}", "{name: control, ranker: {type: random}}")
                .replace("{name: treatment, ranker: {type: popularity}}", "{name: treatment, ranker: {type: oracle}}"), 2);
        AbEffect lift = effect(result, "pooled", 14, "take_fraction");
        assertThat(lift.lift().lower()).isGreaterThan(0.5);
        assertThat(lift.pValue()).isLessThan(0.001);
        AbEffect plays = effect(result, "pooled", 14, "plays_per_member");
        assertThat(plays.analystLower()).isGreaterThan(0.3); // one test's members see it too
        assertThat(plays.analystP()).isLessThan(0.001);
        assertThat(effect(result, "counterfactual", 14, "plays_per_member").analystLift()).isNaN();
        // Neither policy learns, so sharing data changes nothing: the test reads the counterfactual effect.
        AbEffect shipped = effect(result, "counterfactual", 14, "take_fraction");
        assertThat(lift.lift().mean()).isCloseTo(shipped.lift().mean(), org.assertj.core.api.Assertions.within(
                3 * (lift.lift().halfWidth() + shipped.lift().halfWidth())));
        // Half the members each: plays per member counts each arm's own members.
        double control = result.summary().get("control").get("plays_per_member").mean();
        assertThat(result.summary().get("treatment").get("plays_per_member").mean()).isGreaterThan(1.5 * control);
    }

    @Test
    void resultsAreByteIdenticalForOneAndTwoThreads(@TempDir Path out) throws Exception {
        String yaml = TEST.replace("training: [pooled]", "training: [pooled, per-cell]").replace("counterfactual: false",
                "counterfactual: true");
        Path one = out.resolve("1");
        Path two = out.resolve("2");
        RunWriter.finish(RunWriter.start(one, "x"), run(yaml, 1, "replicates=2"), 1);
        RunWriter.finish(RunWriter.start(two, "x"), run(yaml, 2, "replicates=2"), 2);
        for (String file : List.of("ab_effects.csv", "runs.csv", "daily.csv", "summary.json")) {
            assertThat(Files.readAllBytes(two.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
    }
}

package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that goes on from kept replicates gives the same files as one that never stopped. */
class CheckpointsTest {
    private static final String OPE = """
            name: kept
            replicates: 3
            horizon_days: 6
            world:
              catalog: {titles: 20}
              population: {members: 200}
            page: {rows: 1, columns: 1}
            cells:
              - {name: logging, ranker: {type: random}}
              - {name: oracle, ranker: {type: oracle}}
            ope: {logging: logging, targets: [oracle]}
            """;

    @TempDir
    Path temp;

    private Path write(String yaml, String name, Checkpoints checkpoints) throws Exception {
        var loaded = ScenarioLoader.load(new ScenarioSource("kept.yaml", yaml), List.of());
        ExperimentResult result = new ExperimentRunner(2, ProgressListener.NONE).run(loaded.spec(), null, checkpoints);
        Path out = temp.resolve(name);
        RunWriter.finish(RunWriter.start(out, loaded.resolvedYaml()), result, 2);
        return out;
    }

    private void resumesToTheSameFiles(String yaml, List<String> files) throws Exception {
        Path whole = write(yaml, "whole", Checkpoints.NONE);
        Checkpoints kept = new Checkpoints(temp.resolve("partial"));
        write(yaml, "first", kept);
        assertThat(kept.count()).isEqualTo(3);
        Files.delete(temp.resolve("partial/replicate-1.json")); // as if the run stopped during replicate 1
        Path resumed = write(yaml, "resumed", kept);
        for (String file : files) {
            assertThat(Files.readAllBytes(resumed.resolve(file))).as(file).isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }
        kept.clear();
        assertThat(temp.resolve("partial")).doesNotExist();
    }

    @Test
    void anOpeRunResumes() throws Exception {
        resumesToTheSameFiles(OPE, List.of("runs.csv", "daily.csv", "summary.json", "ope.csv"));
    }

    @Test
    void anAbTestResumes() throws Exception {
        String ab = OPE.replace("ope: {logging: logging, targets: [oracle]}", "mode: ab-test\nab_test: {training: [pooled, per-cell], "
                + "readout_days: [3]}").replace("columns: 1}", "columns: 3}");
        resumesToTheSameFiles(ab, List.of("runs.csv", "daily.csv", "summary.json", "ab_effects.csv"));
    }
}

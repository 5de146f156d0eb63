package dev.loopsim.spark;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.logs.LogKind;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.run.Checkpoints;
import dev.loopsim.scenarios.run.ExperimentRunner;
import dev.loopsim.scenarios.run.ProgressListener;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * One replicate of one run, on an executor: the scenario rebuilt from its resolved YAML (which is
 * all a replicate depends on, with its index), run on one core, returned as its checkpoint JSON,
 * followed by its event-log rows when the run logs.
 */
final class ReplicateTask implements FlatMapFunction<ReplicateTask.Key, ReplicateTask.Output> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<List<Scenario>> scenarios;

    /** Which replicate of which job. */
    record Key(int job, int replicate) implements Serializable { }

    /** A job's scenario as the executors get it. */
    record Scenario(String yaml, String origin, boolean logs) implements Serializable { }

    /** Log rows travel in blocks of this many lines: few records to keep and filter, none too large. */
    static final int LINES_PER_BLOCK = 8192;

    /** The replicate's checkpoint JSON (kind empty), or a block of CSV rows of its event log of that kind. */
    record Output(int job, int replicate, String kind, String text) implements Serializable { }

    ReplicateTask(Broadcast<List<Scenario>> scenarios) {
        this.scenarios = scenarios;
    }

    @Override
    public Iterator<Output> call(Key key) throws IOException, dev.loopsim.scenarios.load.ScenarioException {
        Scenario scenario = scenarios.value().get(key.job());
        ScenarioSpec spec = ScenarioLoader.load(new ScenarioSource(scenario.origin(), scenario.yaml())).spec();
        Path logs = scenario.logs() ? Files.createTempDirectory("loopsim-replicate-logs") : null;
        try {
            Checkpoints.Replicate done = new ExperimentRunner(1, ProgressListener.NONE).replicate(spec, key.replicate(), logs);
            List<Output> out = new ArrayList<>();
            out.add(new Output(key.job(), key.replicate(), "", Checkpoints.toJson(done)));
            if (logs != null) {
                for (LogKind kind : spec.logs()) {
                    List<String> lines = Files.readAllLines(logs.resolve(kind.label() + ".csv"), StandardCharsets.UTF_8);
                    for (int from = 1; from < lines.size(); from += LINES_PER_BLOCK) {
                        String block = String.join("\n", lines.subList(from, Math.min(lines.size(), from + LINES_PER_BLOCK)));
                        out.add(new Output(key.job(), key.replicate(), kind.label(), block));
                    }
                }
            }
            return out.iterator();
        } finally {
            if (logs != null) {
                AtomicFiles.deleteTree(logs);
            }
        }
    }
}

package dev.loopsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.load.Sweeps;
import dev.loopsim.scenarios.run.Engine;
import dev.loopsim.scenarios.run.ProgressListener;
import dev.loopsim.scenarios.run.RunLifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark engine gives what the local engine gives, byte for byte, for any number of executors
 * (local[N]: N task slots, which is what a replicate's placement depends on), for a run and for a
 * sweep; its Parquet holds the same rows as the local engine's.
 */
class SparkEngineTest {
    /** The quickstart made small: three cells, three replicates, so that each executor count places them differently. */
    private static final List<String> SMALL = List.of("world.population.members=300", "horizon_days=12",
            "metrics.retention_days=[7]");
    private static final List<String> RESULTS = List.of("summary.json", "runs.csv", "daily.csv", "retention.csv");

    @TempDir
    Path work;

    @Test
    void aRunIsByteIdenticalToTheLocalRunForAnyExecutorCount() throws Exception {
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(ScenarioSource.resolve("quickstart"), SMALL);
        Path local = work.resolve("local");
        RunLifecycle.run(loaded, local, false, 2, ProgressListener.NONE, new RunLifecycle.Events() { }, Engine.LOCAL);
        for (String master : List.of("local[1]", "local[2]", "local[3]")) {
            Path onSpark = work.resolve(master.replaceAll("\\W", ""));
            try (SparkEngine engine = new SparkEngine(master)) {
                RunLifecycle.run(loaded, onSpark, false, 2, ProgressListener.NONE, new RunLifecycle.Events() { }, engine);
            }
            for (String file : RESULTS) {
                assertThat(onSpark.resolve(file)).as(master + " " + file).hasSameBinaryContentAs(local.resolve(file));
            }
            assertThat(onSpark.resolve("INCOMPLETE")).doesNotExist();
            assertThat(onSpark.resolve(RunLifecycle.PARTIAL)).doesNotExist(); // the kept replicates are cleared
        }
    }

    @Test
    void aSweepIsByteIdenticalAndItsTableIsPartitionedParquet() throws Exception {
        ScenarioSource source = ScenarioSource.resolve("exploration-sweep");
        Sweeps.Sweep sweep = ScenarioLoader.sweep(source, List.of("world.population.members=300", "horizon_days=10"));
        Path local = work.resolve("local");
        Path onSpark = work.resolve("spark");
        RunLifecycle.sweep(sweep, source, local, false, List.of(), 2, ProgressListener.NONE, new RunLifecycle.Events() { },
                Engine.LOCAL);
        try (SparkEngine engine = new SparkEngine("local[2]")) {
            RunLifecycle.sweep(sweep, source, onSpark, false, List.of(), 2, ProgressListener.NONE,
                    new RunLifecycle.Events() { }, engine);
            List<Path> compared = files(local, "sweep.csv", "summary.json", "runs.csv", "daily.csv");
            assertThat(compared).hasSizeGreaterThan(3 * sweep.points().size());
            for (Path file : compared) {
                assertThat(onSpark.resolve(local.relativize(file))).as(file.toString()).hasSameBinaryContentAs(file);
            }
            SparkSession session = SparkSession.active();
            Dataset<Row> table = session.read().parquet(onSpark.resolve("sweep.parquet").toString());
            Dataset<Row> reference = inOrderOf(table, session.read().parquet(local.resolve("sweep.parquet").toString()));
            try (Stream<Path> parts = Files.list(onSpark.resolve("sweep.parquet"))) {
                assertThat(parts.map(p -> p.getFileName().toString())).contains("point=0", "point=" + (sweep.points().size() - 1));
            }
            assertThat(table.count()).isEqualTo(reference.count()).isGreaterThan(1000);
            assertThat(table.exceptAll(reference).count()).isZero();
        }
    }

    @Test
    void eventLogsAreTheLocalEnginesRowsPartitionedByReplicateAndCell() throws Exception {
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(ScenarioSource.resolve("quickstart"), List.of(
                "world.population.members=150", "horizon_days=8", "metrics.retention_days=[7]", "replicates=2",
                "logs=[impressions,plays,visits,rewards,observations]"));
        Path local = work.resolve("local");
        Path onSpark = work.resolve("spark");
        RunLifecycle.run(loaded, local, false, 2, ProgressListener.NONE, new RunLifecycle.Events() { }, Engine.LOCAL);
        try (SparkEngine engine = new SparkEngine("local[2]")) {
            RunLifecycle.run(loaded, onSpark, false, 2, ProgressListener.NONE, new RunLifecycle.Events() { }, engine);
            SparkSession session = SparkSession.active();
            for (String kind : List.of("impressions", "plays", "visits", "rewards", "observations")) {
                Path folder = onSpark.resolve("logs").resolve(kind + ".parquet");
                assertThat(folder.resolve("replicate=1").resolve("cell=popularity")).as(kind).isDirectory();
                Dataset<Row> logged = session.read().parquet(folder.toString());
                Dataset<Row> reference = session.read().parquet(local.resolve("logs").resolve(kind + ".parquet").toString());
                logged = inOrderOf(reference, logged); // the partition columns come last when read back
                assertThat(logged.count()).as(kind).isEqualTo(reference.count()).isPositive();
                assertThat(logged.exceptAll(reference).count()).as(kind).isZero();
            }
        }
        for (String file : RESULTS) {
            assertThat(onSpark.resolve(file)).hasSameBinaryContentAs(local.resolve(file));
        }
    }

    @Test
    void aReplicateThatFailsOnAnExecutorFailsTheRunWithItsOwnMessage() throws Exception {
        // A scenario the executor cannot read: the failure happens inside the task, not on the driver.
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(ScenarioSource.resolve("quickstart"), SMALL);
        Path run = work.resolve("run");
        try (SparkEngine engine = new SparkEngine("local[1]")) {
            Engine failing = new Engine() {
                @Override
                public String name() {
                    return "spark";
                }

                @Override
                public void compute(List<Job> jobs, ProgressListener progress) throws IOException {
                    engine.compute(jobs.stream().map(j -> new Job(j.scenarioYaml() + "\nhorizon_days: [\n", j.origin(),
                            j.spec(), j.checkpoints(), null)).toList(), progress);
                }

                @Override
                public boolean writesLogs() {
                    return true;
                }

                @Override
                public void writeParquet(Path csv, List<dev.loopsim.results.logs.LogKind.Column> columns, List<String> by,
                                         Path target) { }
            };
            assertThatThrownBy(() -> RunLifecycle.run(loaded, run, false, 1, ProgressListener.NONE,
                    new RunLifecycle.Events() { }, failing)).hasMessageContaining("a replicate failed on spark");
        }
        assertThat(run.resolve("INCOMPLETE")).exists();
    }

    /** The table's columns in the order of another's (names may have dots: they are quoted). */
    private static Dataset<Row> inOrderOf(Dataset<Row> order, Dataset<Row> table) {
        return table.select(Stream.of(order.columns()).map(c -> org.apache.spark.sql.functions.col("`" + c + "`"))
                .toArray(org.apache.spark.sql.Column[]::new));
    }

    private static List<Path> files(Path root, String... names) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> List.of(names).contains(p.getFileName().toString())).sorted().toList();
        }
    }
}

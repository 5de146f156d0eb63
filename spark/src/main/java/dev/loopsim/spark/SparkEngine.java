package dev.loopsim.spark;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.logs.LogKind;
import dev.loopsim.scenarios.run.Checkpoints;
import dev.loopsim.scenarios.run.Engine;
import dev.loopsim.scenarios.run.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The spark engine: every replicate a run or sweep lacks is one Spark task. A task rebuilds its
 * scenario from the resolved YAML, runs the replicate exactly as the local engine would, and
 * returns it as the checkpoint JSON the run keeps; the driver keeps each, and the run assembles them
 * in replicate order, so summary.json, runs.csv and daily.csv are byte-identical to a local run's for
 * any number of executors. Event logs and the sweep's tidy table are written by Spark as Parquet
 * partitioned by replicate and cell (by point for the table).
 *
 * <p>The run directory is a local path of the driver; on a cluster it must be on storage that every
 * executor mounts at the same path, since executors write the Parquet parts.
 */
public final class SparkEngine implements Engine {
    private final SparkSession session;
    private final JavaSparkContext context;

    /** Listed in META-INF/services: {@code --engine spark}. */
    public static final class Provider implements Engine.Provider {
        @Override
        public String name() {
            return "spark";
        }

        @Override
        public Engine open(String master) {
            return new SparkEngine(master);
        }
    }

    /** @param master a Spark master URL; null takes spark-submit's, or else embeds Spark on every core */
    public SparkEngine(String master) {
        SparkConf conf = new SparkConf();
        String chosen = master != null ? master
                : conf.contains("spark.master") ? conf.get("spark.master") : "local[" + Runtime.getRuntime().availableProcessors() + "]";
        SparkSession.Builder builder = SparkSession.builder().appName("loopsim").master(chosen)
                .config("spark.ui.showConsoleProgress", "false");
        if (chosen.startsWith("local")) {
            // Embedded: no web UI, and the driver's few sockets on the loopback interface only.
            builder.config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1");
        }
        session = builder.getOrCreate();
        context = JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public boolean writesLogs() {
        return true;
    }

    @Override
    public void compute(List<Job> jobs, ProgressListener progress) throws IOException {
        List<ReplicateTask.Key> keys = new ArrayList<>();
        List<ReplicateTask.Scenario> scenarios = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            Job job = jobs.get(j);
            scenarios.add(new ReplicateTask.Scenario(job.scenarioYaml(), job.origin(), job.logDirectory() != null));
            for (int r = 0; r < job.spec().replicates(); r++) {
                if (job.checkpoints().done(r).isEmpty()) {
                    keys.add(new ReplicateTask.Key(j, r));
                }
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        Broadcast<List<ReplicateTask.Scenario>> shared = context.broadcast(scenarios);
        boolean anyLogs = scenarios.stream().anyMatch(ReplicateTask.Scenario::logs);
        JavaRDD<ReplicateTask.Output> outputs = context.parallelize(keys, keys.size()).flatMap(new ReplicateTask(shared));
        if (anyLogs) {
            outputs = outputs.persist(StorageLevel.MEMORY_AND_DISK()); // the logs are written from the same runs, read once per kind
        }
        try {
            for (ReplicateTask.Output done : collect(outputs.filter(o -> o.kind().isEmpty()), keys.size(), progress)) {
                jobs.get(done.job()).checkpoints().save(Checkpoints.fromJson(done.text()));
            }
            for (int j = 0; j < jobs.size(); j++) {
                if (jobs.get(j).logDirectory() != null) {
                    writeLogs(outputs, j, jobs.get(j));
                }
            }
        } finally {
            outputs.unpersist(false);
            shared.destroy();
        }
    }

    /** Collects the replicates, telling progress as tasks finish (from this thread, as progress expects). */
    private List<ReplicateTask.Output> collect(JavaRDD<ReplicateTask.Output> results, int total, ProgressListener progress)
            throws IOException {
        JavaFutureAction<List<ReplicateTask.Output>> running = results.collectAsync();
        try {
            while (true) {
                try {
                    return running.get(500, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    int done = 0;
                    for (int id : running.jobIds()) {
                        var job = context.statusTracker().getJobInfo(id);
                        for (int stage : job == null ? new int[0] : job.stageIds()) {
                            var info = context.statusTracker().getStageInfo(stage);
                            done += info == null ? 0 : info.numCompletedTasks();
                        }
                    }
                    progress.progress(done, total, String.format(Locale.ROOT, "%d of %d replicates on spark", done, total));
                }
            }
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /** A task's failure as the run reports it: the replicate's own error, not Spark's wrapping of it. */
    private static RuntimeException failure(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.toString();
        return new IllegalStateException("a replicate failed on spark: " + message, cause);
    }

    private void writeLogs(JavaRDD<ReplicateTask.Output> outputs, int job, Job of) throws IOException {
        Files.createDirectories(of.logDirectory());
        for (LogKind kind : of.spec().logs()) {
            String label = kind.label();
            JavaRDD<String> lines = outputs.filter(o -> o.job() == job && o.kind().equals(label))
                    .flatMap(o -> o.text().lines().iterator());
            write(session.createDataset(lines.rdd(), Encoders.STRING()), kind.columns(), List.of("replicate", "cell"), of.logDirectory().resolve(label + ".parquet"));
        }
    }

    @Override
    public void writeParquet(Path csv, List<LogKind.Column> columns, List<String> partitionBy, Path target) throws IOException {
        List<String> lines;
        try (var all = Files.lines(csv)) {
            lines = all.skip(1).toList(); // the header: the schema names the columns
        }
        write(session.createDataset(lines, Encoders.STRING()), columns, partitionBy, target);
    }

    /** CSV lines (RFC 4180 quoting, empty = null) as a Parquet folder, under its final name only once complete. */
    private void write(Dataset<String> lines, List<LogKind.Column> columns, List<String> partitionBy, Path target)
            throws IOException {
        Dataset<Row> table = session.read().schema(schema(columns)).option("header", "false").option("escape", "\"")
                .option("mode", "FAILFAST").csv(lines);
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        AtomicFiles.deleteTree(temporary);
        try {
            table.write().mode(SaveMode.ErrorIfExists).option("compression", "zstd")
                    .partitionBy(partitionBy.toArray(String[]::new)).parquet(temporary.toAbsolutePath().toUri().toString());
        } catch (RuntimeException e) {
            AtomicFiles.deleteTree(temporary);
            throw new IOException("cannot write " + target + ": " + failure(e).getMessage(), e);
        }
        AtomicFiles.deleteTree(target);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static StructType schema(List<LogKind.Column> columns) {
        List<StructField> fields = new ArrayList<>();
        for (LogKind.Column column : columns) {
            fields.add(DataTypes.createStructField(column.name(), type(column.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    /** A DuckDB type, as loopsim's tables declare them, in Spark's terms. */
    private static DataType type(String duckdb) {
        return switch (duckdb) {
            case "INTEGER" -> DataTypes.IntegerType;
            case "BIGINT" -> DataTypes.LongType;
            case "DOUBLE" -> DataTypes.DoubleType;
            case "BOOLEAN" -> DataTypes.BooleanType;
            case "VARCHAR" -> DataTypes.StringType;
            default -> throw new IllegalArgumentException("no Spark type for the column type " + duckdb);
        };
    }

    @Override
    public void close() {
        session.stop();
    }
}

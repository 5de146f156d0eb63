package dev.loopsim.scenarios.run;

import dev.loopsim.results.io.ParquetFiles;
import dev.loopsim.results.logs.LogKind;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Where the replicates of a run or a sweep are computed. A replicate depends only on its scenario
 * and its index, so an engine may compute them anywhere, in any order, and keep each in the run's
 * {@link Checkpoints}: the run then assembles them exactly as if it had computed them itself, and
 * its results are byte-identical. {@link #LOCAL} computes nothing ahead: the run does the work
 * itself, in this JVM. Other engines (loopsim-spark's) are found on the classpath by name.
 */
public interface Engine extends AutoCloseable {
    /** The default: replicates run in this JVM as the run reaches them; Parquet is written by DuckDB. */
    Engine LOCAL = new Engine() {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public void compute(List<Job> jobs, ProgressListener progress) { }

        @Override
        public boolean writesLogs() {
            return false;
        }

        @Override
        public void writeParquet(Path csv, List<LogKind.Column> columns, List<String> partitionBy, Path target)
                throws IOException {
            String types = columns.stream().map(c -> "'" + c.name().replace("'", "''") + "': '" + c.type() + "'")
                    .collect(Collectors.joining(", ", "{", "}"));
            ParquetFiles.fromCsv(List.of(csv), true, types, target);
        }
    };

    /**
     * One run whose replicates are wanted: a scenario (or one point of a sweep) as its resolved YAML,
     * where its finished replicates are kept, and where its event logs go (null: none).
     */
    record Job(String scenarioYaml, String origin, ScenarioSpec spec, Checkpoints checkpoints, Path logDirectory) { }

    /** What makes an engine from the command line's {@code --engine NAME --master URL}; listed in META-INF/services. */
    interface Provider {
        String name();

        /** @param master where the engine's work goes (for Spark, a master URL); null: the engine's own default */
        Engine open(String master);
    }

    String name();

    /**
     * Computes every replicate of the jobs that their checkpoints do not hold yet and keeps each
     * there; when {@link #writesLogs}, also writes each job's event logs into its log directory.
     */
    void compute(List<Job> jobs, ProgressListener progress) throws IOException;

    /** Whether {@link #compute} writes the event logs (then the run must not write them again). */
    boolean writesLogs();

    /**
     * Writes a table (a CSV file with a header) as Parquet at {@code target}: a file, or for an
     * engine that partitions, a folder of {@code column=value} parts.
     */
    void writeParquet(Path csv, List<LogKind.Column> columns, List<String> partitionBy, Path target) throws IOException;

    @Override
    default void close() { }

    /** The engine of that name: local, or one a provider on the classpath makes. */
    static Engine open(String name, String master) {
        if (name.equals(LOCAL.name())) {
            if (master != null) {
                throw new IllegalArgumentException("--master goes with a distributed engine (--engine spark), not the local one");
            }
            return LOCAL;
        }
        List<String> known = new java.util.ArrayList<>(List.of(LOCAL.name()));
        for (Provider provider : ServiceLoader.load(Provider.class)) {
            if (provider.name().equals(name)) {
                return provider.open(master);
            }
            known.add(provider.name());
        }
        String hint = name.equals("spark") ? " (the spark engine is the loopsim-spark module: ./loopsim builds it and puts it "
                + "on the classpath when asked for --engine spark; with spark-submit, give loopsim-spark.jar as the application)"
                : "";
        throw new IllegalArgumentException("no engine '" + name + "' on the classpath; known: " + String.join(", ", known) + hint);
    }
}

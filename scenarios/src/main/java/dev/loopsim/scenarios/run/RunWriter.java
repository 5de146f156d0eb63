package dev.loopsim.scenarios.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.results.io.Csv;
import dev.loopsim.results.io.RunDirectory;
import dev.loopsim.results.metrics.DailyRow;
import dev.loopsim.results.ope.OpeEstimate;
import dev.loopsim.results.metrics.MetricId;
import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.results.rundir.Manifest;
import dev.loopsim.results.rundir.JunitReport;
import dev.loopsim.results.rundir.RunSummary;
import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.expect.ExpectationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Writes a run directory: {@code scenario.yaml} (resolved, with its seed), {@code manifest.json},
 * {@code summary.json}, {@code runs.csv}, {@code daily.csv}, and {@code performance.json}.
 * All but the last are the same bytes for the same scenario and seed, whatever the thread count;
 * wall time and threads go in {@code performance.json} only.
 */
public final class RunWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunWriter() { }

    /** Starts a run directory: marked incomplete, with the resolved scenario and manifest already in it. */
    public static RunDirectory start(java.nio.file.Path root, String resolvedYaml) throws IOException {
        return start(root, resolvedYaml, null);
    }

    /** @param origin where the scenario was read from, recorded so that a baseline can be saved beside it; may be null */
    public static RunDirectory start(java.nio.file.Path root, String resolvedYaml, String origin) throws IOException {
        return start(root, resolvedYaml, origin, List.of());
    }

    /**
     * @param overrides the {@code --set} assignments a sweep's points were read with (its scenario.yaml is the
     *                  scenario as written), so that an interrupted sweep can be resumed
     */
    public static RunDirectory start(java.nio.file.Path root, String resolvedYaml, String origin, List<String> overrides)
            throws IOException {
        RunDirectory directory = RunDirectory.create(root);
        directory.write("scenario.yaml", resolvedYaml);
        directory.write(Manifest.FILE, manifest(resolvedYaml, origin, overrides).toJson());
        return directory;
    }

    /** Writes the results and removes the incomplete marker. */
    public static void finish(RunDirectory directory, ExperimentResult result, int threads) throws IOException {
        finish(directory, result, threads, Engine.LOCAL.name());
    }

    /** @param engine where the replicates ran ({@code performance.json} says) */
    public static void finish(RunDirectory directory, ExperimentResult result, int threads, String engine) throws IOException {
        directory.write("daily.csv", daily(result));
        directory.write("runs.csv", runs(result));
        if (result.runs().stream().anyMatch(r -> !r.retention().isEmpty())) {
            directory.write("retention.csv", retention(result));
        }
        if (!result.ope().isEmpty()) {
            directory.write("ope.csv", ope(result));
        }
        if (!result.abEffects().isEmpty()) {
            directory.write("ab_effects.csv", effects(result));
        }
        RunSummary summary = summary(result);
        directory.write(RunSummary.FILE, summary.toJson());
        if (!summary.expectations().isEmpty()) {
            directory.write(JunitReport.FILE, JunitReport.xml(List.of(new JunitReport.Suite(summary.scenario(),
                    summary.expectations()))));
        }
        ObjectNode performance = JSON.createObjectNode();
        performance.put("engine", engine);
        performance.put("threads", threads);
        performance.put("wall_seconds", result.seconds());
        performance.put("visits", result.visits());
        performance.put("visits_per_second", result.visitsPerSecond());
        directory.write("performance.json", JSON.writeValueAsString(performance));
        directory.markComplete();
    }

    static Manifest manifest(String resolvedYaml, String origin, List<String> overrides) {
        Properties build = buildProperties();
        Map<String, String> libraries = new java.util.LinkedHashMap<>();
        for (String name : LIBRARIES) {
            libraries.put(name, build.getProperty(name));
        }
        return new Manifest(build.getProperty("loopsim"), known(build.getProperty("git-commit")),
                known(build.getProperty("git-dirty")), sha256(resolvedYaml), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), libraries, origin, overrides);
    }

    /** Every library a run's results depend on, as pinned in the parent pom. */
    static final List<String> LIBRARIES = List.of("mason", "commons-rng", "commons-math3", "commons-statistics",
            "commons-csv", "jackson", "xchart", "duckdb", "picocli", "progressbar");

    /** A build property, or "unknown" where the build could not fill it in (a source tree without .git). */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    /** loopsim's version, as built. */
    public static String version() {
        return buildProperties().getProperty("loopsim");
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = RunWriter.class.getResourceAsStream("/dev/loopsim/scenarios/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The verdicts as summary.json and the JUnit report hold them. */
    public static List<RunSummary.ExpectationSummary> expectationSummaries(ExperimentResult result) {
        return result.expectations().stream().map(e -> new RunSummary.ExpectationSummary(e.expectation().text(), e.passed(),
                e.test().key(), e.estimate(), e.lower(), e.upper(), e.level(), e.pValue(), e.detail())).toList();
    }

    private static RunSummary summary(ExperimentResult result) {
        var spec = result.spec();
        Map<String, Map<String, RunSummary.MetricSummary>> cells = new java.util.LinkedHashMap<>();
        result.summary().forEach((cell, metrics) -> {
            Map<String, RunSummary.MetricSummary> byName = new java.util.LinkedHashMap<>();
            metrics.forEach((name, i) -> byName.put(name, new RunSummary.MetricSummary(i.mean(), i.lower(), i.upper(), i.n())));
            cells.put(cell, byName);
        });
        List<RunSummary.ExpectationSummary> expectations = expectationSummaries(result);
        Map<String, RunSummary.OpeTarget> ope = new java.util.LinkedHashMap<>();
        if (!result.ope().isEmpty()) {
            List<OpeTruth.Summary> rows = OpeTruth.summarise(result.ope());
            for (String target : rows.stream().map(OpeTruth.Summary::target).distinct().toList()) {
                List<OpeTruth.Summary> mine = rows.stream().filter(r -> r.target().equals(target)).toList();
                Map<String, RunSummary.OpeEstimator> estimators = new java.util.LinkedHashMap<>();
                for (OpeTruth.Summary row : mine) {
                    estimators.put(row.estimator(), new RunSummary.OpeEstimator(row.meanEstimate(), row.meanTruth(),
                            row.bias(), row.rmse(), row.coverage(), row.replicates()));
                }
                ope.put(target, new RunSummary.OpeTarget(OpeTruth.trusted(mine), estimators));
            }
        }
        return new RunSummary(spec.name(), true, spec.seed(), spec.replicates(), spec.metrics().confidence(),
                result.visits(), cells, expectations, result.expectationsHold(), ope);
    }

    private static String retention(ExperimentResult result) {
        Csv csv = new Csv(List.of("cell", "replicate", "week", "retained"));
        for (CellRun run : result.runs()) {
            for (int week = 0; week < run.retention().size(); week++) {
                csv.row(run.cell(), run.replicate(), week, run.retention().get(week));
            }
        }
        return csv.toString();
    }

    private static String effects(ExperimentResult result) {
        Csv csv = new Csv(List.of("variant", "day", "cell", "metric", "control", "cell_value", "lift", "lift_lower", "lift_upper",
                "p_value", "replicates", "r0_member_lift", "r0_member_lower", "r0_member_upper", "r0_member_p"));
        for (AbEffect e : result.abEffects()) {
            csv.row(e.variant(), e.day(), e.cell(), e.metric(), e.control(), e.treatment(), e.lift().mean(), e.lift().lower(),
                    e.lift().upper(), e.pValue(), e.lift().n(), e.analystLift(), e.analystLower(), e.analystUpper(), e.analystP());
        }
        return csv.toString();
    }

    private static String ope(ExperimentResult result) {
        List<String> header = new java.util.ArrayList<>(List.of("replicate", "target", "estimator"));
        header.addAll(OpeEstimate.COLUMNS);
        header.addAll(List.of("truth", "error", "covered"));
        Csv csv = new Csv(header);
        for (OpeTruth.Row row : result.ope()) {
            List<Object> fields = new java.util.ArrayList<>(List.of(row.replicate(), row.target(), row.estimate().estimator()));
            fields.addAll(row.estimate().fields());
            fields.addAll(List.of(row.truth(), row.error(), row.estimate().covers(row.truth())));
            csv.row(fields.toArray());
        }
        return csv.toString();
    }

    private static String daily(ExperimentResult result) {
        List<String> metrics = Metrics.dailyColumns();
        List<String> header = new java.util.ArrayList<>(List.of("cell", "replicate", "day", "visits", "active_members",
                "impressions", "plays", "quality_plays", "completions", "churned"));
        header.addAll(metrics);
        header.add("genre_plays");
        Csv csv = new Csv(header);
        for (CellRun run : result.runs()) {
            for (DailyRow row : run.daily()) {
                List<Object> fields = new java.util.ArrayList<>(List.of(run.cell(), run.replicate(), row.day(), row.visits(),
                        row.activeMembers(), row.impressions(), row.plays(), row.qualityPlays(), row.completions(),
                        row.churned()));
                metrics.forEach(m -> fields.add(row.metric(m)));
                fields.add(java.util.Arrays.stream(row.genrePlays()).mapToObj(Long::toString)
                        .collect(java.util.stream.Collectors.joining(" ")));
                csv.row(fields.toArray());
            }
        }
        return csv.toString();
    }

    private static String runs(ExperimentResult result) {
        // The ope block's metrics go to ope.csv: only its targets have them.
        List<String> metrics = result.runs().get(0).metrics().keySet().stream()
                .filter(m -> MetricId.parse(m).family() != MetricId.Family.OPE).toList();
        List<String> header = new java.util.ArrayList<>(List.of("cell", "replicate", "visits"));
        header.addAll(metrics);
        Csv csv = new Csv(header);
        for (CellRun run : result.runs()) {
            Object[] fields = new Object[header.size()];
            fields[0] = run.cell();
            fields[1] = run.replicate();
            fields[2] = run.visits();
            for (int i = 0; i < metrics.size(); i++) {
                fields[3 + i] = run.metrics().get(metrics.get(i));
            }
            csv.row(fields);
        }
        return csv.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

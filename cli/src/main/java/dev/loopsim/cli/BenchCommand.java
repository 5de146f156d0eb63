package dev.loopsim.cli;

import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.run.Checkpoints;
import dev.loopsim.scenarios.run.Engine;
import dev.loopsim.scenarios.run.CellRun;
import dev.loopsim.scenarios.run.ExperimentResult;
import dev.loopsim.scenarios.run.ExperimentRunner;
import dev.loopsim.scenarios.run.ProgressListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loopsim bench}: runs a scenario several times in this JVM and reports the median
 * simulated visits per second and peak heap. The first run also warms the JIT; it is reported
 * but the median is over all runs, so use at least 3.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput: run a scenario (default: the bundled 'bench') several times and print "
                + "simulated visits per second and peak heap, with their medians. Writes no run directory.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..1", defaultValue = "bench", description = "Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Runs to take the median of (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--fit-impressions", paramLabel = "N",
            description = "Instead of a scenario, time 'fit --impressions' (read, fit, held-out checks) on a synthetic "
                    + "Open Bandit Dataset file of N impressions: 80 items, 3 slots, 3 contexts, uniform logging.")
    Integer fitImpressions;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    EngineOption engineOption;

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...",
            description = "A scaling curve: run the scenario at each value of one field (e.g. world.population.members="
                    + "10000,100000,1000000) and print a table of the medians per value.")
    String vary;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new BadInputException("--runs must be >= 1, found " + runs);
        }
        if (fitImpressions != null) {
            return benchFit();
        }
        int threads = threadsOption.resolve();
        var out = spec.commandLine().getOut();
        try (Engine engine = engineOption.open()) {
            if (vary == null) {
                ScenarioLoader.Loaded loaded = scenarioOptions.load(scenario);
                header(out, loaded, threads, engine);
                measure(loaded, threads, engine, out);
                return ExitCodes.OK;
            }
            int equals = vary.indexOf('=');
            if (equals < 1 || equals == vary.length() - 1) {
                throw new BadInputException("--vary takes PATH=V1,V2,... (e.g. world.population.members=10000,100000), found '"
                        + vary + "'");
            }
            String path = vary.substring(0, equals);
            List<String> values = java.util.Arrays.stream(vary.substring(equals + 1).split(",", -1)).map(String::strip).toList();
            List<ScenarioLoader.Loaded> points = new java.util.ArrayList<>();
            for (String value : values) {
                List<String> overrides = new java.util.ArrayList<>(scenarioOptions.overrides());
                overrides.add(path + "=" + value);
                points.add(ScenarioLoader.load(ScenarioSource.resolve(scenario), overrides)); // every value checked first
            }
            header(out, points.get(0), threads, engine);
            List<Medians> curve = new java.util.ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                out.printf("%s = %s%n", path, values.get(i));
                curve.add(measure(points.get(i), threads, engine, out));
            }
            out.printf(Locale.ROOT, "%nscaling over %s (medians of %d run(s), %d thread(s), engine %s):%n", path, runs, threads,
                    engine.name());
            List<List<String>> rows = new java.util.ArrayList<>();
            rows.add(List.of(path, "visits", "seconds", "visits/s", "retraining s", "peak heap MiB"));
            for (int i = 0; i < curve.size(); i++) {
                Medians m = curve.get(i);
                rows.add(List.of(values.get(i), String.format(Locale.ROOT, "%,d", m.visits()),
                        String.format(Locale.ROOT, "%.2f", m.seconds()), String.format(Locale.ROOT, "%,.0f", m.visitsPerSecond()),
                        String.format(Locale.ROOT, "%.2f", m.retrainSeconds()), String.format(Locale.ROOT, "%.0f", m.peakHeapMiB())));
            }
            SummaryTable.printAligned(rows, out);
            out.flush();
            return ExitCodes.OK;
        }
    }

    private void header(java.io.PrintWriter out, ScenarioLoader.Loaded loaded, int threads, Engine engine) {
        out.printf("%s: %d run(s), %d thread(s), %d cores, max heap %.0f MiB, engine %s%n", loaded.spec().name(), runs, threads,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576.0, engine.name());
    }

    /** The medians of one scenario's runs. */
    private record Medians(long visits, double seconds, double visitsPerSecond, double retrainSeconds, double peakHeapMiB) { }

    private Medians measure(ScenarioLoader.Loaded loaded, int threads, Engine engine, java.io.PrintWriter out)
            throws java.io.IOException {
        double[] rates = new double[runs];
        double[] seconds = new double[runs];
        double[] peaks = new double[runs];
        double[] retrains = new double[runs];
        long visits = 0;
        List<String> cells = loaded.spec().cells().stream().map(c -> c.name()).toList();
        double[][] cellRates = new double[cells.size()][runs];
        for (int i = 0; i < runs; i++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            ExperimentResult result = run(loaded, threads, engine);
            visits = result.visits();
            rates[i] = result.visitsPerSecond();
            seconds[i] = result.seconds();
            peaks[i] = peakHeapMiB();
            retrains[i] = result.runs().stream().mapToDouble(CellRun::retrainSeconds).sum();
            out.printf(Locale.ROOT, "  run %d: %,d visits in %.2f s = %,.0f visits/s, retraining %.2f s, peak heap %.0f MiB%n",
                    i + 1, result.visits(), result.seconds(), rates[i], retrains[i], peaks[i]);
            for (int c = 0; c < cells.size() && cells.size() > 1; c++) {
                String cell = cells.get(c);
                var ofCell = result.runs().stream().filter(r -> r.cell().equals(cell)).toList();
                cellRates[c][i] = ofCell.stream().mapToLong(r -> r.visits()).sum() / ofCell.stream().mapToDouble(r -> r.seconds()).sum();
                out.printf(Locale.ROOT, "    %s: %,.0f visits/s%n", cell, cellRates[c][i]);
            }
            out.flush();
        }
        out.printf(Locale.ROOT, "median: %,.0f visits/s, retraining %.2f s, peak heap %.0f MiB (over %d runs)%n", median(rates),
                median(retrains), median(peaks), runs);
        for (int c = 0; c < cells.size() && cells.size() > 1; c++) {
            // The ratio of medians to the first cell: the scenario's reference.
            out.printf(Locale.ROOT, "  %s: median %,.0f visits/s (%.2f x %s)%n", cells.get(c), median(cellRates[c]),
                    median(cellRates[c]) / median(cellRates[0]), cells.get(0));
        }
        out.flush();
        return new Medians(visits, median(seconds), median(rates), median(retrains), median(peaks));
    }

    /** One timed run: on another engine, its replicates computed there first (kept in a scratch folder), then assembled. */
    private static ExperimentResult run(ScenarioLoader.Loaded loaded, int threads, Engine engine) throws java.io.IOException {
        ExperimentRunner runner = new ExperimentRunner(threads, ProgressListener.NONE);
        if (engine == Engine.LOCAL) {
            return runner.run(loaded.spec());
        }
        java.nio.file.Path kept = java.nio.file.Files.createTempDirectory("loopsim-bench");
        try {
            return runner.run(loaded, null, new Checkpoints(kept), engine);
        } finally {
            dev.loopsim.results.io.AtomicFiles.deleteTree(kept);
        }
    }

    /** The click-model fit on a generated log, timed from reading the file to the held-out calibration. */
    private int benchFit() throws java.io.IOException {
        if (fitImpressions < 1000) {
            throw new BadInputException("--fit-impressions must be at least 1000, found " + fitImpressions);
        }
        var out = spec.commandLine().getOut();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("loopsim-bench-impressions", ".csv");
        try {
            dev.loopsim.results.ope.OpenBanditDataset.write(syntheticLog(fitImpressions), file);
            out.printf(Locale.ROOT, "fit --impressions on %,d synthetic impressions (%.0f MB of CSV): %d run(s), %d cores%n",
                    fitImpressions, java.nio.file.Files.size(file) / 1e6, runs, Runtime.getRuntime().availableProcessors());
            double[] seconds = new double[runs];
            double[] peaks = new double[runs];
            for (int i = 0; i < runs; i++) {
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                var log = dev.loopsim.scenarios.fit.ClickLogs.of(dev.loopsim.results.ope.BanditLog.read(file, null, 0));
                long read = System.nanoTime();
                var report = dev.loopsim.users.fit.ClickReport.of(log, 0.2);
                long end = System.nanoTime();
                seconds[i] = (end - start) / 1e9;
                peaks[i] = peakHeapMiB();
                out.printf(Locale.ROOT, "  run %d: %.2f s (read %.2f s, fit and held-out checks %.2f s), peak heap %.0f MiB, %d clicks%n",
                        i + 1, seconds[i], (read - start) / 1e9, (end - read) / 1e9, peaks[i], report.log().clicks());
                out.flush();
            }
            out.printf(Locale.ROOT, "median: %.2f s, peak heap %.0f MiB (over %d runs)%n", median(seconds), median(peaks), runs);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        return ExitCodes.OK;
    }

    /** OBD-like impressions: click probability θ_slot · σ(item + context effects), about 0.5%. */
    static dev.loopsim.results.ope.BanditLog syntheticLog(int n) {
        var random = dev.loopsim.core.random.RandomStreams.of(1, 0).forWorld("bench-impressions");
        int items = 80;
        double[] item = new double[items];
        for (int i = 0; i < items; i++) {
            item[i] = -5.3 + 0.5 * (random.nextDouble() - 0.5);
        }
        double[] examination = {0.6, 1.0, 0.8};
        double[] context = {0.1, -0.1, 0.2};
        List<dev.loopsim.results.ope.BanditLog.Row> rows = new java.util.ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int a = random.nextInt(items);
            int slot = random.nextInt(3);
            int c = random.nextInt(3);
            double p = examination[slot] / (1 + Math.exp(-(item[a] + context[c])));
            rows.add(new dev.loopsim.results.ope.BanditLog.Row(a, slot + 1, random.nextDouble() < p ? 1 : 0, 1.0 / items,
                    "context" + c, new double[0], 1.5e9 + r));
        }
        return new dev.loopsim.results.ope.BanditLog("synthetic", items, rows);
    }

    private static double peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1048576.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

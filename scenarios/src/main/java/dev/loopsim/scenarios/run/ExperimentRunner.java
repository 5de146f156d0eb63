package dev.loopsim.scenarios.run;

import dev.loopsim.core.engine.Simulation;
import dev.loopsim.results.metrics.MetricOptions;
import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.results.metrics.RunMetrics;
import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.expect.Expectation;
import dev.loopsim.scenarios.expect.ExpectationChecker;
import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.spec.CellSpec;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs every cell of a scenario in every replicate (counterfactual mode: each cell on an
 * identical copy of the replicate's world, with common random numbers) and summarises them.
 * Runs go one after another; inside a run, member shards use the threads.
 */
public final class ExperimentRunner {
    private final int threads;
    private final ProgressListener progress;

    public ExperimentRunner(int threads, ProgressListener progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        this.threads = threads;
        this.progress = progress;
    }

    public ExperimentResult run(ScenarioSpec spec) {
        long started = System.nanoTime();
        ExecutorService executor = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<CellRun> runs = spec.bandit() != null ? BanditWorldRunner.run(spec, executor, progress)
                    : relativeToOracle(spec, runPages(spec, executor));
            runs.sort(java.util.Comparator.comparingInt((CellRun r) -> spec.cells().indexOf(spec.cell(r.cell())))
                    .thenComparingInt(CellRun::replicate));
            return new ExperimentResult(spec, runs, summarise(spec, runs), check(spec, runs),
                    (System.nanoTime() - started) / 1e9);
        } finally {
            if (executor != null) {
                executor.shutdownNow();
                awaitQuietly(executor);
            }
        }
    }

    /** Page worlds: runs one after another; inside a run, member shards use the threads. */
    private List<CellRun> runPages(ScenarioSpec spec, ExecutorService executor) {
        List<CellRun> runs = new ArrayList<>();
        WorldBuilder builder = new WorldBuilder(spec);
        double totalDays = spec.horizonDays() * spec.cells().size() * spec.replicates();
        for (int replicate = 0; replicate < spec.replicates(); replicate++) {
            WorldBuilder.World world = builder.world(replicate);
            for (CellSpec cell : spec.cells()) {
                double doneBefore = runs.size() * spec.horizonDays();
                String label = cell.name() + " r" + replicate;
                runs.add(runCell(spec, builder, world, cell, replicate, executor,
                        day -> progress.progress(doneBefore + day, totalDays, label)));
            }
        }
        return runs;
    }

    /** Adds homogenization relative to the oracle cell of the same replicate, when there is one. */
    private static List<CellRun> relativeToOracle(ScenarioSpec spec, List<CellRun> runs) {
        var oracle = spec.oracleCell();
        if (oracle.isEmpty()) {
            return runs;
        }
        List<CellRun> out = new ArrayList<>();
        for (CellRun run : runs) {
            double reference = runs.stream().filter(r -> r.cell().equals(oracle.get()) && r.replicate() == run.replicate())
                    .findFirst().orElseThrow().metrics().get(Metrics.HOMOGENIZATION);
            Map<String, Double> metrics = new LinkedHashMap<>(run.metrics());
            metrics.put(Metrics.HOMOGENIZATION_VS_ORACLE, metrics.get(Metrics.HOMOGENIZATION) / reference);
            out.add(new CellRun(run.cell(), run.replicate(), metrics, run.daily(), run.visits(), run.seconds()));
        }
        return out;
    }

    private static CellRun runCell(ScenarioSpec spec, WorldBuilder builder, WorldBuilder.World world, CellSpec cell,
                                   int replicate, ExecutorService executor, java.util.function.DoubleConsumer onDay) {
        long started = System.nanoTime();
        RunMetrics metrics = new RunMetrics(world.catalog(), spec.horizonDays(), new MetricOptions(
                spec.world().response().qualityPlayThreshold(), spec.metrics().retentionDays(), spec.metrics().regret()));
        long visits = new Simulation(builder.setup(world, cell), metrics, executor, onDay).run();
        return new CellRun(cell.name(), replicate, metrics.summary(), metrics.daily(), visits,
                (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Map<String, Interval>> summarise(ScenarioSpec spec, List<CellRun> runs) {
        Map<String, Map<String, Interval>> summary = new LinkedHashMap<>();
        for (CellSpec cell : spec.cells()) {
            List<CellRun> ofCell = runs.stream().filter(r -> r.cell().equals(cell.name())).toList();
            Map<String, Interval> metrics = new LinkedHashMap<>();
            for (String metric : ofCell.get(0).metrics().keySet()) {
                double[] values = ofCell.stream().mapToDouble(r -> r.metrics().get(metric)).toArray();
                metrics.put(metric, Interval.of(values, spec.metrics().confidence()));
            }
            summary.put(cell.name(), metrics);
        }
        return summary;
    }

    private static List<ExpectationResult> check(ScenarioSpec spec, List<CellRun> runs) {
        return spec.expectations().stream()
                .map(text -> ExpectationChecker.check(Expectation.parse(text), runs, spec.replicates(),
                        spec.metrics().confidence()))
                .toList();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "loopsim-shard");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

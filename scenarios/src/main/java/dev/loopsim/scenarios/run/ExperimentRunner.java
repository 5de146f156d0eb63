package dev.loopsim.scenarios.run;

import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.RunObservers;
import dev.loopsim.core.engine.SimulationSetup;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.results.logs.EventLogs;
import dev.loopsim.results.logs.LogKind;
import dev.loopsim.results.ope.Estimator;
import dev.loopsim.results.ope.Estimators;
import dev.loopsim.results.ope.OpeEstimate;
import dev.loopsim.results.ope.OpeRecorder;
import dev.loopsim.results.ope.RecordedEvaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import dev.loopsim.core.engine.Simulation;
import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.results.metrics.RunMetrics;
import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.expect.Expectation;
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
        try {
            return run(spec, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // without logs nothing is written
        }
    }

    /**
     * @param logDirectory where the scenario's event logs go (its {@code logs}); null writes none
     */
    public ExperimentResult run(ScenarioSpec spec, Path logDirectory) throws IOException {
        return run(spec, logDirectory, Checkpoints.NONE);
    }

    /**
     * @param checkpoints the replicates done before, skipped; each replicate finished now is kept there
     */
    public ExperimentResult run(ScenarioSpec spec, Path logDirectory, Checkpoints checkpoints) throws IOException {
        if (spec.bandit() == null && logDirectory != null && !spec.logs().isEmpty() && checkpoints.count() > 0) {
            throw new IllegalArgumentException("a run that writes event logs cannot go on from a checkpoint: its logs would "
                    + "miss the replicates done before; run it again from the start");
        }
        long started = System.nanoTime();
        return withWorkers(spec, logDirectory, spec.logFormat(), (executor, logs) -> {
            List<CellRun> runs;
            List<OpeTruth.Row> ope = List.of();
            List<AbEffect> effects = List.of();
            if (spec.bandit() != null) {
                runs = BanditWorldRunner.run(spec, executor, progress, checkpoints);
            } else if (spec.mode() == ScenarioSpec.Mode.AB_TEST) {
                runs = acrossCells(spec, AbTestRunner.run(spec, executor, progress, checkpoints));
                effects = AbTestRunner.effects(spec, runs);
            } else {
                List<Map<String, List<OpeEstimate>>> estimates = new ArrayList<>();
                runs = acrossCells(spec, runPages(spec, executor, logs, estimates, checkpoints));
                if (spec.ope() != null) {
                    ope = OpeTruth.rows(estimates, runs);
                    runs = OpeTruth.withMetrics(runs, ope);
                }
            }
            runs.sort(java.util.Comparator.comparingInt((CellRun r) -> spec.cells().indexOf(spec.cell(r.cell())))
                    .thenComparingInt(CellRun::replicate));
            return new ExperimentResult(spec, runs, summarise(spec, runs), check(spec, runs), ope, effects,
                    (System.nanoTime() - started) / 1e9);
        });
    }

    /**
     * Runs a scenario whose replicates {@code engine} computes first, keeping them in
     * {@code checkpoints}, which this run then assembles; timed from the engine's start.
     *
     * @param logDirectory where the event logs go (written by the engine when it writes logs); null writes none
     */
    public ExperimentResult run(dev.loopsim.scenarios.load.ScenarioLoader.Loaded loaded, Path logDirectory,
                                Checkpoints checkpoints, Engine engine) throws IOException {
        long started = System.nanoTime();
        ScenarioSpec spec = loaded.spec();
        engine.compute(List.of(new Engine.Job(loaded.resolvedYaml(), loaded.origin(), spec, checkpoints,
                spec.logs().isEmpty() ? null : logDirectory)), progress);
        return run(spec, engine.writesLogs() ? null : logDirectory, checkpoints)
                .withSeconds((System.nanoTime() - started) / 1e9);
    }

    /** What runs with a run's shard threads and event logs. */
    private interface WithWorkers<T> {
        T run(ExecutorService executor, EventLogs logs) throws IOException;
    }

    /**
     * Runs {@code work} with the shard threads (null: none) and the event logs (null: none) a run of
     * {@code spec} needs; the logs are finished when the work returns, and both are closed however it ends.
     */
    private <T> T withWorkers(ScenarioSpec spec, Path logDirectory, EventLogs.Format format, WithWorkers<T> work)
            throws IOException {
        // Shards waiting on a policy service need threads to wait on, not cores: as many as the service takes at once.
        int workers = spec.stepsVisitByVisit() ? 1 : Math.max(threads, spec.serviceConcurrency());
        ExecutorService executor = workers == 1 ? null : Executors.newFixedThreadPool(workers, daemonThreads());
        EventLogs logs = logDirectory == null || spec.logs().isEmpty() || spec.bandit() != null ? null
                : EventLogs.open(logDirectory, java.util.Set.copyOf(spec.logs()), format);
        try {
            T result = work.run(executor, logs);
            if (logs != null) {
                logs.finish();
            }
            return result;
        } finally {
            if (logs != null) {
                logs.close();
            }
            if (executor != null) {
                executor.shutdownNow();
                awaitQuietly(executor);
            }
        }
    }

    /** Page worlds: runs one after another; inside a run, member shards use the threads. */
    private List<CellRun> runPages(ScenarioSpec spec, ExecutorService executor, EventLogs logs,
                                   List<Map<String, List<OpeEstimate>>> opeEstimates, Checkpoints checkpoints) {
        List<CellRun> runs = new ArrayList<>();
        WorldBuilder builder = new WorldBuilder(spec);
        double totalDays = spec.horizonDays() * spec.cells().size() * spec.replicates();
        for (int replicate = 0; replicate < spec.replicates(); replicate++) {
            Checkpoints.Replicate done = checkpoints.done(replicate).orElse(null);
            if (done == null) {
                done = pagesReplicate(spec, builder, replicate, executor, logs, runs.size(), totalDays);
                checkpoints.save(done);
            }
            runs.addAll(done.runs());
            if (spec.ope() != null) {
                opeEstimates.add(done.ope());
            }
        }
        return runs;
    }

    /** One replicate of a page world: every cell on the replicate's world, and the ope block's estimates. */
    private Checkpoints.Replicate pagesReplicate(ScenarioSpec spec, WorldBuilder builder, int replicate,
                                                 ExecutorService executor, EventLogs logs, int runsBefore, double totalDays) {
        List<CellRun> runs = new ArrayList<>();
        Map<String, List<OpeEstimate>> ope = Map.of();
        WorldBuilder.World world = builder.world(replicate);
        for (CellSpec cell : spec.cells()) {
            double doneBefore = (runsBefore + runs.size()) * spec.horizonDays();
            String label = cell.name() + " r" + replicate;
            List<RunObserver> extra = new ArrayList<>();
            if (logs != null) {
                extra.add(logs.forRun(replicate, cell.name(), WorldBuilder.contextKey(world.catalog()),
                        WorldBuilder.policyOfRow(cell)));
            }
            OpeRecorder recorder = null;
            List<Ranker> targets = List.of();
            if (spec.ope() != null && spec.ope().logging().equals(cell.name())) {
                targets = spec.ope().targets().stream().map(t -> builder.ranker(world, spec.cell(t))).toList();
                recorder = new OpeRecorder(spec.ope().targets(), targets, WorldBuilder.contextKey(world.catalog()));
                extra.add(recorder);
            }
            runs.add(runCell(spec, builder.setup(world, cell, targets), cell, world, replicate, executor, extra,
                    day -> progress.progress(doneBefore + day, totalDays, label)));
            if (recorder != null) {
                if (spec.page().slots() > 1) {
                    ope = RecordedEvaluation.estimateSlates(recorder, spec.ope().estimators());
                } else {
                    List<Estimator> estimators = spec.ope().estimators().stream()
                            .map(name -> Estimators.find(name, spec.ope().settings()).orElseThrow()).toList();
                    ope = RecordedEvaluation.estimate(recorder, world.catalog().size(), estimators);
                }
            }
        }
        return new Checkpoints.Replicate(replicate, runs, ope);
    }

    /**
     * One replicate alone, exactly as a whole run computes it (and keeps it in its checkpoints): for an
     * {@link Engine} that spreads a run's replicates over machines.
     *
     * @param logDirectory where the replicate's event logs go, as {@code <kind>.csv} with a header whatever
     *                     the scenario's log format (the engine writes them in their final form); null writes none
     */
    public Checkpoints.Replicate replicate(ScenarioSpec spec, int replicate, Path logDirectory) throws IOException {
        if (replicate < 0 || replicate >= spec.replicates()) {
            throw new IllegalArgumentException("replicate " + replicate + " of " + spec.replicates());
        }
        return withWorkers(spec, logDirectory, EventLogs.Format.CSV, (executor, logs) -> {
            if (spec.bandit() != null) {
                return BanditWorldRunner.replicate(spec, replicate);
            }
            if (spec.mode() == ScenarioSpec.Mode.AB_TEST) {
                return AbTestRunner.replicate(spec, new WorldBuilder(spec), replicate, executor, progress, 0,
                        spec.horizonDays() * AbTestRunner.runsPerReplicate(spec));
            }
            return pagesReplicate(spec, new WorldBuilder(spec), replicate, executor, logs, 0,
                    spec.horizonDays() * spec.cells().size());
        });
    }

    /**
     * Adds the metrics made across the cells of a replicate: quality plays per member relative to the
     * replicate's best cell, and homogenization relative to the oracle cell when there is one.
     */
    private static List<CellRun> acrossCells(ScenarioSpec spec, List<CellRun> runs) {
        var oracle = spec.oracleCell();
        List<CellRun> out = new ArrayList<>();
        for (CellRun run : runs) {
            List<CellRun> replicate = runs.stream().filter(r -> r.replicate() == run.replicate()).toList();
            Map<String, Double> metrics = new LinkedHashMap<>(run.metrics());
            double best = replicate.stream().mapToDouble(r -> r.metrics().get(Metrics.QUALITY_PLAYS_PER_MEMBER))
                    .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            metrics.put(Metrics.QUALITY_PLAYS_VS_BEST, best > 0 ? metrics.get(Metrics.QUALITY_PLAYS_PER_MEMBER) / best : Double.NaN);
            if (oracle.isPresent()) {
                double reference = replicate.stream().filter(r -> r.cell().equals(oracle.get())).findFirst().orElseThrow()
                        .metrics().get(Metrics.HOMOGENIZATION);
                metrics.put(Metrics.HOMOGENIZATION_VS_ORACLE, metrics.get(Metrics.HOMOGENIZATION) / reference);
            }
            out.add(run.withMetrics(metrics));
        }
        return out;
    }

    private static CellRun runCell(ScenarioSpec spec, SimulationSetup setup, CellSpec cell, WorldBuilder.World world,
                                   int replicate, ExecutorService executor, List<RunObserver> extra,
                                   java.util.function.DoubleConsumer onDay) {
        long started = System.nanoTime();
        RunMetrics metrics = new RunMetrics(world.catalog(), spec.horizonDays(), spec.metricOptions());
        List<RunObserver> observers = new ArrayList<>(List.of(metrics));
        observers.addAll(extra);
        Simulation simulation = new Simulation(setup, RunObservers.of(observers), executor, onDay);
        long visits = simulation.run();
        return new CellRun(cell.name(), replicate, metrics.summary(), metrics.daily(), visits,
                (System.nanoTime() - started) / 1e9, metrics.retention(), simulation.retrainSeconds());
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
        return ExpectationChecker.checkAll(spec.expectations().stream().map(Expectation::parse).toList(), runs, spec.replicates(),
                spec.metrics().confidence(), spec.baseline(), spec.metrics().multipleTesting());
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

package dev.loopsim.scenarios.run;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.io.RunDirectory;
import dev.loopsim.results.rundir.RunSummary;
import dev.loopsim.results.rundir.SweepSummary;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.load.Sweeps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The life of a run directory: started (claimed, marked INCOMPLETE, with its scenario and
 * manifest) or resumed, checkpointed replicate by replicate, finished (results written, marker
 * removed), or failed (the marker kept, with the reason), also when the JVM is stopped by a
 * signal. The command line parses and prints around it.
 */
public final class RunLifecycle {
    /** Where a run keeps its finished replicates until it completes. */
    public static final String PARTIAL = "partial";

    /** What the caller is told as a run ends; both default to nothing. */
    public interface Events {
        /** The JVM is being stopped (Ctrl-C, SIGTERM) before the run completed; it stays INCOMPLETE. */
        default void interrupted(Path run) { }

        /** The run completed and its results are written (for a sweep, its points' too). */
        default void finished(Path run) { }
    }

    private RunLifecycle() { }

    /**
     * Runs a scenario into {@code directory}, or finishes an interrupted run there.
     *
     * @throws RunDirectory.Unusable if the folder cannot be claimed (it exists and is not empty) or resumed
     */
    public static ExperimentResult run(ScenarioLoader.Loaded loaded, Path directory, boolean resuming, int threads,
                                       ProgressListener progress, Events events) throws IOException {
        return run(loaded, directory, resuming, threads, progress, events, Engine.LOCAL);
    }

    /** @param engine computes the replicates first (into the run's checkpoints), or leaves them to this JVM */
    public static ExperimentResult run(ScenarioLoader.Loaded loaded, Path directory, boolean resuming, int threads,
                                       ProgressListener progress, Events events, Engine engine) throws IOException {
        RunDirectory run = open(directory, resuming, loaded.resolvedYaml(), loaded.origin(), List.of());
        Checkpoints checkpoints = new Checkpoints(directory.resolve(PARTIAL));
        return guarded(run, "run", events, () -> {
            ExperimentResult done = new ExperimentRunner(threads, progress).run(loaded, run.root().resolve("logs"),
                    checkpoints, engine);
            RunWriter.finish(run, done, threads, engine.name());
            checkpoints.clear();
            events.finished(directory);
            return done;
        });
    }

    /** Runs every point of a sweep into its own folder under {@code directory}, or finishes an interrupted sweep. */
    public static List<SweepRunner.PointResult> sweep(Sweeps.Sweep sweep, ScenarioSource source, Path directory,
                                                      boolean resuming, List<String> overrides, int threads,
                                                      ProgressListener progress, Events events) throws IOException {
        return sweep(sweep, source, directory, resuming, overrides, threads, progress, events, Engine.LOCAL);
    }

    /** @param engine computes every point's replicates first (into the sweep's checkpoints), or leaves them to this JVM */
    public static List<SweepRunner.PointResult> sweep(Sweeps.Sweep sweep, ScenarioSource source, Path directory,
                                                      boolean resuming, List<String> overrides, int threads,
                                                      ProgressListener progress, Events events, Engine engine)
            throws IOException {
        RunDirectory run = open(directory, resuming, source.text(), source.origin(), overrides);
        Checkpoints checkpoints = new Checkpoints(directory.resolve(PARTIAL));
        return guarded(run, "sweep", events, () -> {
            engine.compute(sweep.points().stream().map(p -> new Engine.Job(p.loaded().resolvedYaml(), p.loaded().origin(),
                    p.loaded().spec(), checkpoints.point(p.index()), null)).toList(), progress);
            List<SweepRunner.PointResult> done = SweepRunner.run(sweep, threads, progress, checkpoints);
            for (SweepRunner.PointResult result : done) {
                Path folder = directory.resolve("points").resolve(Integer.toString(result.point().index()));
                AtomicFiles.deleteTree(folder); // a resumed sweep writes every point's folder anew, from its kept replicates
                RunDirectory point = RunWriter.start(folder, result.point().loaded().resolvedYaml(), source.origin());
                RunWriter.finish(point, result.result(), threads, engine.name());
            }
            run.write("sweep.csv", SweepRunner.tidy(sweep, done));
            engine.writeParquet(directory.resolve("sweep.csv"), SweepRunner.tidyColumns(sweep), List.of("point"),
                    directory.resolve("sweep.parquet"));
            run.write(RunSummary.FILE, summary(sweep, done).toJson());
            run.markComplete();
            checkpoints.clear();
            events.finished(directory);
            return done;
        });
    }

    private static RunDirectory open(Path directory, boolean resuming, String scenario, String origin,
                                     List<String> overrides) throws IOException {
        try {
            return resuming ? RunDirectory.resume(directory) : RunWriter.start(directory, scenario, origin, overrides);
        } catch (IOException e) {
            throw new RunDirectory.Unusable((resuming ? "cannot resume: " : "cannot create the run directory: ")
                    + e.getMessage(), e);
        }
    }

    private static SweepSummary summary(Sweeps.Sweep sweep, List<SweepRunner.PointResult> results) {
        List<SweepSummary.Point> points = results.stream().map(r -> new SweepSummary.Point(r.point().index(),
                r.point().values(), "points/" + r.point().index(), r.result().expectationsHold())).toList();
        return new SweepSummary(sweep.points().get(0).loaded().spec().name(), true, sweep.parameters(), points,
                points.stream().allMatch(SweepSummary.Point::expectationsHold));
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Does the work that fills {@code run}, which stays marked incomplete, with the reason, if the
     * work fails or the JVM is stopped before it returns.
     */
    private static <T> T guarded(RunDirectory run, String what, Events events, Work<T> work) throws IOException {
        AtomicBoolean finished = new AtomicBoolean();
        Thread onSignal = new Thread(() -> {
            if (!finished.get()) {
                markFailed(run, "interrupted before the " + what + " completed");
                events.interrupted(run.root());
            }
        });
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            T result = work.run();
            finished.set(true);
            return result;
        } catch (RuntimeException | IOException e) {
            finished.set(true);
            markFailed(run, String.valueOf(e.getMessage()));
            throw e;
        } catch (OutOfMemoryError e) {
            finished.set(true);
            markFailed(run, "out of memory (a heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)");
            throw e;
        } catch (StackOverflowError e) {
            finished.set(true);
            markFailed(run, "stack overflow (a bug in loopsim)");
            throw e;
        } finally {
            removeHook(onSignal);
        }
    }

    private static void markFailed(RunDirectory run, String reason) {
        try {
            run.markFailed(reason);
        } catch (IOException ignored) {
            // The INCOMPLETE marker written at the start is still there; that is what matters.
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook runs and sees the run as finished or not.
        }
    }
}

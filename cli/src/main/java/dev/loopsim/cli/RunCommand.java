package dev.loopsim.cli;


import dev.loopsim.results.io.RunDirectory;
import dev.loopsim.results.rundir.Manifest;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.load.Sweeps;
import dev.loopsim.scenarios.run.ExperimentResult;
import dev.loopsim.scenarios.run.Checkpoints;
import dev.loopsim.scenarios.run.ExperimentRunner;
import dev.loopsim.scenarios.run.RunWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim run SCENARIO}: run every cell and replicate, write a run directory, print the summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario (a YAML file, or the name of a bundled scenario) and write a run directory.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..1",
            description = "A scenario file, or a bundled scenario's name (see 'loopsim list scenarios'). Not with --resume.")
    String scenario;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Finish an interrupted run (or sweep): the replicates (points) it completed are kept, the rest run; "
                    + "the result is the same as an uninterrupted run's.")
    Path resume;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/<scenario>-<timestamp>). Must not exist or be empty.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if ((scenario == null) == (resume == null)) {
            throw new BadInputException("give a SCENARIO to run, or --resume RUN_DIR to finish an interrupted run, not both");
        }
        if (resume != null && (out != null || !scenarioOptions.overrides().isEmpty())) {
            throw new BadInputException("--resume finishes the run as it was started: no --out, --set, --seed or --replicates");
        }
        Resumed resumed = resume == null ? null : Resumed.of(resume);
        ScenarioSource source = resumed != null ? resumed.source() : ScenarioSource.resolve(scenario);
        Sweeps.Sweep sweep = ScenarioLoader.sweep(source, resumed != null ? resumed.overrides() : scenarioOptions.overrides());
        if (sweep.isSweep()) {
            return new SweepRun(spec.commandLine().getOut(), spec.commandLine().getErr(), quiet).run(sweep, source,
                    resumed != null ? resume : out, resumed != null, scenarioOptions.overrides(), threadsOption.resolve());
        }
        ScenarioLoader.Loaded loaded = sweep.points().get(0).loaded();
        int threads = threadsOption.resolve();
        Path directory = resumed != null ? resume : out != null ? out : defaultDirectory(loaded.spec().name());
        if (resumed != null && !loaded.spec().logs().isEmpty()) {
            throw new BadInputException(resume + ": a run that writes event logs cannot be resumed (its logs would miss the "
                    + "replicates done before); run it again");
        }
        RunDirectory run;
        try {
            run = resumed != null ? RunDirectory.resume(directory) : RunWriter.start(directory, loaded.resolvedYaml(), loaded.origin());
        } catch (IOException e) {
            throw new BadInputException((resumed != null ? "cannot resume: " : "cannot create the run directory: ") + e.getMessage());
        }
        Checkpoints checkpoints = new Checkpoints(directory.resolve(PARTIAL));
        ExperimentResult result = guarded(run, "run", () -> {
            try (TerminalProgress progress = new TerminalProgress(loaded.spec().name(), quiet)) {
                ExperimentResult done = new ExperimentRunner(threads, progress).run(loaded.spec(), run.root().resolve("logs"),
                        checkpoints);
                RunWriter.finish(run, done, threads);
                checkpoints.clear();
                ReportCommand.writeQuietly(directory, spec.commandLine().getErr());
                return done;
            }
        });
        var stdout = spec.commandLine().getOut();
        SummaryTable.print(result, stdout);
        stdout.println("run directory: " + directory);
        stdout.flush();
        return result.expectationsHold() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Where a run keeps its finished replicates until it completes. */
    static final String PARTIAL = "partial";

    /** What an interrupted run directory says of how it was started. */
    record Resumed(ScenarioSource source, java.util.List<String> overrides) {
        static Resumed of(Path run) throws IOException {
            Path scenario = run.resolve("scenario.yaml");
            if (!Files.isRegularFile(scenario) || !Files.isRegularFile(run.resolve(Manifest.FILE))) {
                throw new BadInputException(run + ": not a run directory (no scenario.yaml and manifest.json)");
            }
            Manifest manifest = Manifest.read(run);
            String origin = manifest.scenarioOrigin() != null ? manifest.scenarioOrigin() : scenario.toString();
            return new Resumed(new ScenarioSource(origin, Files.readString(scenario)), manifest.overrides());
        }
    }

    static Path defaultDirectory(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path candidate = Path.of("runs", name + "-" + stamp);
        for (int k = 2; Files.exists(candidate); k++) {
            candidate = Path.of("runs", name + "-" + stamp + "-" + k);
        }
        return candidate;
    }

    /** The work that fills a run directory. */
    interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Does the work that fills {@code run}, which stays marked incomplete, with the reason, if the
     * work fails or the JVM is stopped (Ctrl-C, SIGTERM) before it returns.
     *
     * @param what "run" or "sweep", for the marker
     */
    static <T> T guarded(RunDirectory run, String what, Work<T> work) throws IOException {
        AtomicBoolean finished = new AtomicBoolean();
        Thread onSignal = new Thread(() -> {
            if (!finished.get()) {
                markFailed(run, "interrupted before the " + what + " completed");
                System.err.println("loopsim: stopped by a signal before the " + what + " completed; " + run.root()
                        + " is marked INCOMPLETE (loopsim run --resume " + run.root()
                        + " finishes it, unless it writes event logs)");
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

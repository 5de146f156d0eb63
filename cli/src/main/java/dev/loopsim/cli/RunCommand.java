package dev.loopsim.cli;


import dev.loopsim.results.io.RunDirectory;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.load.Sweeps;
import dev.loopsim.scenarios.run.ExperimentResult;
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

    @Parameters(paramLabel = "SCENARIO", description = "A scenario file, or a bundled scenario's name (see 'loopsim list scenarios').")
    String scenario;

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
        Sweeps.Sweep sweep = scenarioOptions.loadSweep(scenario);
        if (sweep.isSweep()) {
            return new SweepRun(spec.commandLine().getOut(), spec.commandLine().getErr(), quiet).run(sweep, ScenarioSource.resolve(scenario), out,
                    threadsOption.resolve());
        }
        ScenarioLoader.Loaded loaded = sweep.points().get(0).loaded();
        int threads = threadsOption.resolve();
        Path directory = out != null ? out : defaultDirectory(loaded.spec().name());
        RunDirectory run;
        try {
            run = RunWriter.start(directory, loaded.resolvedYaml(), loaded.origin());
        } catch (IOException e) {
            throw new BadInputException("cannot create the run directory: " + e.getMessage());
        }
        AtomicBoolean finished = new AtomicBoolean();
        Thread onSignal = new Thread(() -> {
            if (!finished.get()) {
                markFailed(run, "interrupted before the run completed");
            }
        });
        Runtime.getRuntime().addShutdownHook(onSignal);
        ExperimentResult result;
        try (TerminalProgress progress = new TerminalProgress(loaded.spec().name(), quiet)) {
            result = new ExperimentRunner(threads, progress).run(loaded.spec(), run.root().resolve("logs"));
            RunWriter.finish(run, result, threads);
            ReportCommand.writeQuietly(directory, spec.commandLine().getErr());
            finished.set(true);
        } catch (RuntimeException | IOException e) {
            finished.set(true);
            markFailed(run, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            removeHook(onSignal);
        }
        var stdout = spec.commandLine().getOut();
        SummaryTable.print(result, stdout);
        stdout.println("run directory: " + directory);
        stdout.flush();
        return result.expectationsHold() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static Path defaultDirectory(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path candidate = Path.of("runs", name + "-" + stamp);
        for (int k = 2; Files.exists(candidate); k++) {
            candidate = Path.of("runs", name + "-" + stamp + "-" + k);
        }
        return candidate;
    }

    static void markFailed(RunDirectory run, String reason) {
        try {
            run.markFailed(reason);
        } catch (IOException ignored) {
            // The INCOMPLETE marker written at the start is still there; that is what matters.
        }
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook runs and sees the run as finished or not.
        }
    }
}

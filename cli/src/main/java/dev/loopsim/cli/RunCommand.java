package dev.loopsim.cli;


import dev.loopsim.results.io.RunDirectory;
import dev.loopsim.results.rundir.Manifest;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.load.Sweeps;
import dev.loopsim.scenarios.run.Engine;
import dev.loopsim.scenarios.run.ExperimentResult;
import dev.loopsim.scenarios.run.RunLifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
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

    @Parameters(paramLabel = "SCENARIO", arity = "0..1", completionCandidates = CompletionCommand.BundledScenarios.class,
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

    @Mixin
    EngineOption engineOption;

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
        for (var point : sweep.points()) {
            scenarioOptions.checkCost(point.loaded().spec());
        }
        try (Engine engine = engineOption.open()) {
            if (sweep.isSweep()) {
                return new SweepRun(spec.commandLine().getOut(), spec.commandLine().getErr(), quiet).run(sweep, source,
                        resumed != null ? resume : out, resumed != null, scenarioOptions.overrides(), threadsOption.resolve(),
                        engine);
            }
            return runOne(sweep, resumed, engine);
        }
    }

    private int runOne(Sweeps.Sweep sweep, Resumed resumed, Engine engine) throws IOException {
        ScenarioLoader.Loaded loaded = sweep.points().get(0).loaded();
        loaded.spec().warnings().forEach(w -> spec.commandLine().getErr().println("loopsim: warning: " + w));
        spec.commandLine().getErr().flush();
        int threads = threadsOption.resolve();
        Path directory = resumed != null ? resume : out != null ? out : defaultDirectory(loaded.spec().name());
        if (resumed != null && !loaded.spec().logs().isEmpty()) {
            throw new BadInputException(resume + ": a run that writes event logs cannot be resumed (its logs would miss the "
                    + "replicates done before); run it again");
        }
        ExperimentResult result;
        try (TerminalProgress progress = new TerminalProgress(loaded.spec().name(), quiet)) {
            result = RunLifecycle.run(loaded, directory, resumed != null, threads, progress,
                    events(spec.commandLine().getErr(), "run"), engine);
        } catch (RunDirectory.Unusable e) {
            throw new BadInputException(e.getMessage());
        }
        var stdout = spec.commandLine().getOut();
        SummaryTable.print(result, stdout);
        stdout.println("run directory: " + directory);
        stdout.flush();
        return result.expectationsHold() ? ExitCodes.OK : ExitCodes.FAILED;
    }

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
        String stamp = LocalDateTime.now(java.time.ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path candidate = Path.of("runs", name + "-" + stamp);
        for (int k = 2; Files.exists(candidate); k++) {
            candidate = Path.of("runs", name + "-" + stamp + "-" + k);
        }
        return candidate;
    }

    /** What the command line says as a run or sweep ends: a report page, or why the run stays incomplete. */
    static RunLifecycle.Events events(java.io.PrintWriter err, String what) {
        return new RunLifecycle.Events() {
            @Override
            public void interrupted(Path run) {
                System.err.println("loopsim: stopped by a signal before the " + what + " completed; " + run
                        + " is marked INCOMPLETE (loopsim run --resume " + run + " finishes it, unless it writes event logs)");
            }

            @Override
            public void finished(Path run) {
                ReportCommand.writeQuietly(run, err);
            }
        };
    }
}

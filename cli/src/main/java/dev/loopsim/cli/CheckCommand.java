package dev.loopsim.cli;

import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.scenarios.load.ScenarioLibrary;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.run.ExperimentResult;
import dev.loopsim.scenarios.run.ExperimentRunner;
import dev.loopsim.scenarios.run.ProgressListener;
import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.rundir.JunitReport;
import dev.loopsim.results.stats.Power;
import dev.loopsim.scenarios.run.ExpectationChecker;
import dev.loopsim.scenarios.run.RunWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim check [SCENARIO...]}: run scenarios and report their expectations; exit 1 if one fails. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the expectations of the given scenarios (default: every bundled scenario that has "
                + "expectations), print a pass/fail table, and exit 1 if any fails.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..*", completionCandidates = CompletionCommand.BundledScenarios.class, description = "Scenario files or bundled scenario names.")
    List<String> scenarios = new ArrayList<>();

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--ci", description = "Check each scenario at its ci size (its 'ci' block), as the test suite does.")
    boolean ci;

    @Option(names = "--plan", description = "Also say, for each expectation, how many replicates its test needs to pass with "
            + "80%% power, from the spread its replicates showed (for a comparison: to detect the margin seen, or --effect).")
    boolean plan;

    @Option(names = "--effect", paramLabel = "D", description = "With --plan: the difference a comparison should detect, "
            + "instead of the margin seen.")
    Double effect;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the verdicts as a JUnit XML report, "
            + "which CI systems read (a run directory holds its own as " + JunitReport.FILE + ").")
    Path junit;

    /** The power --plan plans for. */
    static final double POWER = 0.8;

    @Override
    public Integer call() throws ScenarioException, IOException {
        if (effect != null && !(effect > 0)) {
            throw new BadInputException("--effect must be > 0, found " + effect);
        }
        if (effect != null && !plan) {
            throw new BadInputException("--effect goes with --plan");
        }
        var out = spec.commandLine().getOut();
        int threads = threadsOption.resolve();
        List<ScenarioLoader.Loaded> loaded = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String name : scenarios.isEmpty() ? ScenarioLibrary.names() : scenarios) {
            var sweep = ScenarioLoader.sweep(ScenarioSource.resolve(name), scenarioOptions.overrides(), ci);
            for (var point : sweep.points()) {
                ScenarioLoader.Loaded one = point.loaded();
                if (scenarios.isEmpty() && one.spec().expectations().isEmpty()) {
                    continue; // a bundled scenario without expectations (the benchmark) has nothing to check
                }
                scenarioOptions.checkCost(one.spec());
                loaded.add(one);
                labels.add(one.spec().name() + (sweep.isSweep() ? " " + point.values() : ""));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(plan ? List.of("scenario", "result", "expectation", "replicates for 80% power", "detail")
                : List.of("scenario", "result", "expectation", "detail"));
        int failures = 0;
        List<JunitReport.Suite> suites = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            ScenarioLoader.Loaded one = loaded.get(i);
            ExperimentResult result = new ExperimentRunner(threads, ProgressListener.NONE).run(one.spec());
            if (result.expectations().isEmpty()) {
                rows.add(plan ? List.of(labels.get(i), "-", "(no expectations)", "", "") : List.of(labels.get(i), "-", "(no expectations)", ""));
            }
            for (ExpectationResult e : result.expectations()) {
                failures += e.passed() ? 0 : 1;
                List<String> row = new ArrayList<>(List.of(labels.get(i), e.passed() ? "PASS" : "FAIL", e.expectation().text()));
                if (plan) {
                    row.add(planned(e, one.spec().metrics().confidence()));
                }
                row.add(e.detail());
                rows.add(row);
            }
            suites.add(new JunitReport.Suite(labels.get(i), RunWriter.expectationSummaries(result)));
        }
        SummaryTable.printAligned(rows, out);
        if (junit != null) {
            AtomicFiles.writeString(junit, JunitReport.xml(suites));
        }
        out.printf("%n%d expectation(s) failed%n", failures);
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private String planned(ExpectationResult e, double confidence) {
        int n = ExpectationChecker.plan(e, effect == null ? Double.NaN : effect, POWER, confidence);
        if (n < 0) {
            return e.test() == ExpectationResult.Test.NONE ? "n/a" : "none: the replicates point the other way";
        }
        return n > Power.MOST ? "more than " + Power.MOST : Integer.toString(n);
    }
}

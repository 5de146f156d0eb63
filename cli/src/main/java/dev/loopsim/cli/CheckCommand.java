package dev.loopsim.cli;

import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.scenarios.load.ScenarioLibrary;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.run.ExperimentResult;
import dev.loopsim.scenarios.run.ExperimentRunner;
import dev.loopsim.scenarios.run.ProgressListener;
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

    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Scenario files or bundled scenario names.")
    List<String> scenarios = new ArrayList<>();

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--ci", description = "Check each scenario at its ci size (its 'ci' block), as the test suite does.")
    boolean ci;

    @Override
    public Integer call() throws ScenarioException {
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
                loaded.add(one);
                labels.add(one.spec().name() + (sweep.isSweep() ? " " + point.values() : ""));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("scenario", "result", "expectation", "detail"));
        int failures = 0;
        for (int i = 0; i < loaded.size(); i++) {
            ScenarioLoader.Loaded one = loaded.get(i);
            ExperimentResult result = new ExperimentRunner(threads, ProgressListener.NONE).run(one.spec());
            if (result.expectations().isEmpty()) {
                rows.add(List.of(labels.get(i), "-", "(no expectations)", ""));
            }
            for (ExpectationResult e : result.expectations()) {
                failures += e.passed() ? 0 : 1;
                rows.add(List.of(labels.get(i), e.passed() ? "PASS" : "FAIL", e.expectation().text(), e.detail()));
            }
        }
        SummaryTable.printAligned(rows, out);
        out.printf("%n%d expectation(s) failed%n", failures);
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}

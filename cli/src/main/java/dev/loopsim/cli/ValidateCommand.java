package dev.loopsim.cli;

import dev.loopsim.scenarios.load.ScenarioLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim validate SCENARIO}: read and check a scenario without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario: YAML, keys, values and expectations. Exit 0 if valid, 2 if not.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", completionCandidates = CompletionCommand.BundledScenarios.class, description = "A scenario file or a bundled scenario's name.")
    String scenario;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--print", description = "Print the fully resolved scenario (every default filled in).")
    boolean print;

    @Override
    public Integer call() throws Exception {
        var sweep = scenarioOptions.loadSweep(scenario);
        ScenarioLoader.Loaded loaded = sweep.points().get(0).loaded();
        var s = loaded.spec();
        for (var point : sweep.points()) {
            scenarioOptions.checkCost(point.loaded().spec());
        }
        var out = spec.commandLine().getOut();
        s.warnings().forEach(w -> spec.commandLine().getErr().println("loopsim: warning: " + w));
        spec.commandLine().getErr().flush();
        if (sweep.isSweep() && !print) {
            out.printf("sweep of %d point(s) over %s, every point valid; the first:%n", sweep.points().size(), sweep.parameters());
        }
        if (print) {
            out.print(loaded.resolvedYaml());
        } else if (s.bandit() != null) {
            out.printf("ok: %s: %d cell(s) %s, %d replicate(s), %d steps of a %s bandit with %d arms, %d expectation(s)%n",
                    s.name(), s.cells().size(), s.cells().stream().map(c -> c.name()).toList(), s.replicates(),
                    s.bandit().steps(), dev.loopsim.core.Keys.of(s.bandit().type()), s.bandit().armCount(), s.expectations().size());
        } else {
            out.printf("ok: %s: %d cell(s) %s, %d replicate(s), %.4g days, %d members, %d titles, %d expectation(s)%n",
                    s.name(), s.cells().size(), s.cells().stream().map(c -> c.name()).toList(), s.replicates(),
                    s.horizonDays(), s.world().population().members(), s.world().catalog().titles(), s.expectations().size());
        }
        if (!print) {
            out.println(dev.loopsim.scenarios.run.CostEstimate.of(s).describe());
        }
        out.flush();
        return ExitCodes.OK;
    }
}

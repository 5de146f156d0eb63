package dev.loopsim.cli;

import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that change a scenario as it is read. */
final class ScenarioOptions {
    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
            description = "Override a scenario field, e.g. --set world.population.members=500 or "
                    + "--set cells.popularity.retrain_every=2d (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--replicates", paramLabel = "N", description = "Override the number of replicates.")
    Integer replicates;

    @Option(names = "--force", description = "Run a scenario even though its estimated cost (visits, memory) is past "
            + "what loopsim runs without asking.")
    boolean force;

    /** Refuses, with the estimate, a scenario that would run for hours or exhaust the heap, unless --force. */
    void checkCost(dev.loopsim.scenarios.spec.ScenarioSpec spec) {
        var cost = dev.loopsim.scenarios.run.CostEstimate.of(spec);
        List<String> problems = cost.problems(Runtime.getRuntime().maxMemory());
        if (!problems.isEmpty() && !force) {
            throw new BadInputException(spec.name() + ": " + String.join("; and ", problems));
        }
    }

    List<String> overrides() {
        List<String> all = new ArrayList<>(sets);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        if (replicates != null) {
            all.add("replicates=" + replicates);
        }
        return all;
    }

    ScenarioLoader.Loaded load(String scenario) throws ScenarioException {
        return ScenarioLoader.load(ScenarioSource.resolve(scenario), overrides());
    }

    /** The scenario's points: one, or a sweep's. */
    dev.loopsim.scenarios.load.Sweeps.Sweep loadSweep(String scenario) throws ScenarioException {
        return ScenarioLoader.sweep(ScenarioSource.resolve(scenario), overrides());
    }
}

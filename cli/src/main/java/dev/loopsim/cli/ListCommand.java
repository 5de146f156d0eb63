package dev.loopsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopsim.policies.PolicyRegistry;
import dev.loopsim.policies.PolicyType;
import dev.loopsim.results.metrics.MetricDefinition;
import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.scenarios.load.ScenarioLibrary;
import dev.loopsim.scenarios.load.ScenarioLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim list policies|scenarios|metrics}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the registered policies (with their parameters and defaults), the bundled scenarios, or the metrics.")
final class ListCommand implements Callable<Integer> {
    enum What { policies, scenarios, metrics }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    What what;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter out = spec.commandLine().getOut();
        switch (what) {
            case policies -> policies(out);
            case scenarios -> scenarios(out);
            case metrics -> metrics(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void policies(PrintWriter out) {
        out.println("rankers (cells[].ranker or cells[].rows[].ranker: {type: NAME, ...parameters}):");
        PolicyRegistry.rankers().forEach(type -> describe(type, out));
        out.println("artwork selectors (cells[].artwork: {type: NAME, ...parameters}):");
        PolicyRegistry.artworkSelectors().forEach(type -> describe(type, out));
    }

    private static void describe(PolicyType<?, ?> type, PrintWriter out) {
        out.printf("  %-12s %s%n", type.name(), type.description());
        JsonNode defaults = ScenarioLoader.mapper().valueToTree(type.defaults());
        defaults.fields().forEachRemaining(field -> out.printf("  %-12s   %s: %s (default)%n", "", field.getKey(), field.getValue()));
    }

    private static void scenarios(PrintWriter out) throws ScenarioException {
        for (String name : ScenarioLibrary.names()) {
            var spec = ScenarioLoader.sweep(ScenarioLibrary.find(name).orElseThrow(), List.of()).points().get(0).loaded().spec();
            out.printf("  %-12s %s%n", name, spec.description());
        }
    }

    private static void metrics(PrintWriter out) {
        for (MetricDefinition metric : Metrics.definitions(List.of(7, 28))) {
            out.printf("  %-26s %s %s%n", metric.name(), metric.higherIsBetter() ? "(higher is better)" : "(lower is better)",
                    metric.definition());
        }
        out.println("  (retention_d<d> exists for each d in the scenario's metrics.retention_days; 7 and 28 by default)");
    }
}

package dev.loopsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopsim.policies.PolicyRegistry;
import dev.loopsim.policies.PolicyType;
import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.scenarios.load.ScenarioLibrary;
import dev.loopsim.scenarios.load.ScenarioLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--markdown", description = "With metrics: print the README's Markdown tables.")
    boolean markdown;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter out = spec.commandLine().getOut();
        switch (what) {
            case policies -> policies(out);
            case scenarios -> scenarios(out);
            case metrics -> out.print(markdown ? MetricsTable.markdown() : MetricsTable.text());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void policies(PrintWriter out) {
        out.println("rankers (cells[].ranker or cells[].rows[].ranker: {type: NAME, ...parameters}):");
        PolicyRegistry.rankers().forEach(type -> describe(type, out));
        out.println("artwork selectors (cells[].artwork: {type: NAME, ...parameters}):");
        PolicyRegistry.artworkSelectors().forEach(type -> describe(type, out));
        out.println("row orders (cells[].row_order: {type: NAME, ...parameters}):");
        PolicyRegistry.rowOrders().forEach(type -> describe(type, out));
    }

    private static void describe(PolicyType<?, ?> type, PrintWriter out) {
        out.printf("  %-12s %s%n", type.name(), type.description());
        var can = type.capabilities(type.defaults());
        out.printf("  %-12s   %s, %s%s (with its defaults)%n", "", can.learns() ? "learns" : "does not learn",
                can.statesPropensities() ? "states its propensities" : "states no propensities",
                can.takesGuardrail() ? ", takes a guardrail outcome" : "");
        JsonNode defaults = ScenarioLoader.mapper().valueToTree(type.defaults());
        java.util.Map<String, Class<?>> types = new java.util.HashMap<>();
        for (var component : type.parameterType().getRecordComponents()) {
            types.put(ScenarioLoader.mapper().getPropertyNamingStrategy().nameForField(null, null, component.getName()),
                    component.getType());
        }
        defaults.fields().forEachRemaining(field -> out.printf("  %-12s   %s: %s (default)%s%n", "", field.getKey(),
                field.getValue(), choices(types.get(field.getKey()))));
    }

    private static void scenarios(PrintWriter out) throws ScenarioException {
        for (String name : ScenarioLibrary.names()) {
            var spec = ScenarioLoader.sweep(ScenarioLibrary.find(name).orElseThrow(), List.of()).points().get(0).loaded().spec();
            out.printf("  %-12s %s%n", name, spec.description());
        }
    }

    /** A closed option set's values, for a parameter that is one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String choices(Class<?> type) {
        return type != null && type.isEnum() ? ", one of " + String.join(", ", dev.loopsim.core.Keys.all((Class) type)) : "";
    }
}

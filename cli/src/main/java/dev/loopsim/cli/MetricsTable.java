package dev.loopsim.cli;

import dev.loopsim.results.metrics.BanditMetrics;
import dev.loopsim.results.metrics.MetricDefinition;
import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.results.ope.Estimators;
import dev.loopsim.scenarios.spec.AbTestSpec;
import dev.loopsim.scenarios.spec.OpeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Every metric a run can produce, as text or as the README's Markdown tables. The code's
 * definitions are the one source: the README's table is this output, and a test keeps it so.
 */
final class MetricsTable {
    private MetricsTable() { }

    /** A group of metrics: where they appear, and their definitions. */
    record Group(String heading, List<MetricDefinition> metrics) { }

    static List<Group> groups() {
        List<MetricDefinition> families = new ArrayList<>();
        families.add(new MetricDefinition("<variant>_<metric>_d<day>", "A/B tests (mode: ab-test): the metric "
                + "(one of " + String.join(", ", AbTestSpec.READOUT) + ") over the cell's own members at each "
                + "ab_test.readout_days and at the horizon; the variant is pooled, per_cell (the training modes) or "
                + "counterfactual (the cell alone on every member)", true));
        families.add(new MetricDefinition("ope_<estimator>_<statistic>", "the ope block's targets, per replicate: "
                + "estimator one of " + String.join(", ", Estimators.names()).replace('-', '_') + " (a one-title page) or "
                + String.join(", ", dev.loopsim.results.ope.SlateEstimators.NAMES).replace('-', '_') + " (a page of several "
                + "slots); statistic one of "
                + String.join(", ", OpeSpec.STATISTICS) + " (the estimate of plays per page visit, its error against the "
                + "target's on-policy truth, and whether its 95% interval covered the truth)", true));
        return List.of(
                new Group("Run-level metrics (every member world)", Metrics.documented()),
                new Group("Bandit worlds (scenario key bandit)", BanditMetrics.documented()),
                new Group("Families named by the scenario", families));
    }

    static String markdown() {
        StringBuilder out = new StringBuilder();
        for (Group group : groups()) {
            out.append("**").append(group.heading()).append("**\n\n| metric | better | daily | definition |\n|---|---|---|---|\n");
            for (MetricDefinition m : group.metrics()) {
                out.append("| `").append(m.name()).append("` | ").append(better(m)).append(" | ").append(m.daily() ? "yes" : "")
                        .append(" | ").append(m.definition().replace("|", "\\|")).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String text() {
        StringBuilder out = new StringBuilder();
        for (Group group : groups()) {
            out.append(group.heading()).append(":\n");
            for (MetricDefinition m : group.metrics()) {
                out.append(String.format("  %-28s (%s is better%s) %s%n", m.name(), better(m), m.daily() ? "; also daily" : "",
                        m.definition()));
            }
        }
        return out.toString();
    }

    private static String better(MetricDefinition m) {
        return m.name().contains("<metric>") || m.name().contains("<statistic>") ? "per metric"
                : m.higherIsBetter() ? "higher" : "lower";
    }
}

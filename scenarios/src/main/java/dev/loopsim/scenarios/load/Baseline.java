package dev.loopsim.scenarios.load;

import dev.loopsim.results.rundir.Manifest;
import dev.loopsim.results.rundir.RunSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's stored baseline, {@code NAME.baseline.yaml}: the mean of every metric of a run, by
 * {@code cell.metric}. Written here; read back by {@link BaselineInclude} into the scenario's
 * {@code baseline} mapping, where expectations {@code cell.metric within X of baseline} find it.
 *
 * @param source where the means came from, for the file's header (a run directory)
 * @param means  by {@code cell.metric}, in the run's order; metrics with nothing to measure left out
 */
public record Baseline(String scenario, int replicates, String source, String loopsimVersion, Map<String, Double> means) {

    public Baseline {
        means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
    }

    /** The baseline of a complete run. */
    public static Baseline of(RunSummary summary, Manifest manifest, String source) {
        Map<String, Double> means = new LinkedHashMap<>();
        summary.cells().forEach((cell, metrics) -> metrics.forEach((metric, m) -> {
            if (!Double.isNaN(m.mean())) {
                means.put(cell + "." + metric, m.mean());
            }
        }));
        return new Baseline(summary.scenario(), summary.replicates(), source, manifest.loopsimVersion(), means);
    }

    public String toYaml() {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Baseline of ").append(scenario).append(": the mean over ").append(replicates)
                .append(" replicate(s) of every metric, from ").append(source).append(" (loopsim ").append(loopsimVersion)
                .append(").\n");
        yaml.append("# Written by 'loopsim baseline save'; read by expectations 'cell.metric within X of baseline'.\n");
        yaml.append(BaselineInclude.KEY).append(":\n");
        means.forEach((name, mean) -> yaml.append(String.format(Locale.ROOT, "  %s: %s%n", name, Double.toString(mean))));
        return yaml.toString();
    }
}

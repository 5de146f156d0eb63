package dev.loopsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.scenarios.load.BaselineInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim baseline save RUN_DIR}: store a run's means as the scenario's baseline. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Baselines for regression checks: 'baseline save RUN_DIR' stores the run's mean of every cell's "
                + "metrics as NAME.baseline.yaml beside the scenario it ran, where expectations 'cell.metric within X of "
                + "baseline' (X or X%%) find it.")
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "save", description = "The action: save.")
    String action;

    @Parameters(index = "1", paramLabel = "RUN_DIR", description = "A complete run directory.")
    Path run;

    @Option(names = "--to", paramLabel = "FILE", description = "Where to write the baseline (default: beside the scenario).")
    Path to;

    @Override
    public Integer call() throws IOException {
        if (!action.equals("save")) {
            throw new BadInputException("unknown action '" + action + "'; expected: baseline save RUN_DIR");
        }
        BadInputException.completeRun(run);
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(run.resolve("summary.json").toFile());
        JsonNode manifest = json.readTree(run.resolve("manifest.json").toFile());
        Path target = to != null ? to : defaultTarget(manifest);
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Baseline of ").append(summary.path("scenario").asText()).append(": the mean over ")
                .append(summary.path("replicates").asInt()).append(" replicate(s) of every metric, from ").append(run)
                .append(" (loopsim ").append(manifest.path("loopsim_version").asText()).append(").\n");
        yaml.append("# Written by 'loopsim baseline save'; read by expectations 'cell.metric within X of baseline'.\n");
        yaml.append("baseline:\n");
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> cells = summary.path("cells").fields(); cells.hasNext(); ) {
            Map.Entry<String, JsonNode> cell = cells.next();
            for (Iterator<Map.Entry<String, JsonNode>> metrics = cell.getValue().fields(); metrics.hasNext(); ) {
                Map.Entry<String, JsonNode> metric = metrics.next();
                JsonNode mean = metric.getValue().path("mean");
                if (mean.isNumber()) {
                    yaml.append(String.format(Locale.ROOT, "  %s.%s: %s%n", cell.getKey(), metric.getKey(), mean.asText()));
                    count++;
                }
            }
        }
        AtomicFiles.writeString(target, yaml.toString());
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "baseline of %d metric(s) written to %s%n", count, target);
        out.flush();
        return ExitCodes.OK;
    }

    /** Beside the scenario the run read; a bundled scenario's library only in a checkout of loopsim. */
    private static Path defaultTarget(JsonNode manifest) {
        String origin = manifest.path("scenario_origin").asText("");
        if (origin.isEmpty()) {
            throw new BadInputException("the run does not say which scenario file it ran; give --to FILE");
        }
        Path target = BaselineInclude.fileFor(origin);
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("the scenario's folder " + folder + " does not exist here (a bundled scenario's "
                    + "library is in a checkout of loopsim); give --to FILE");
        }
        return target;
    }
}

package dev.loopsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim compare RUN_A RUN_B}: two runs' metrics side by side, with the differences. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Print two runs' metrics side by side: for every cell and metric both have, the mean of each run, "
                + "B - A, and B / A - 1; then the expectations whose verdict differs.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "A complete run directory.")
    Path a;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "Another complete run directory.")
    Path b;

    @Override
    public Integer call() throws IOException {
        JsonNode left = summary(a);
        JsonNode right = summary(b);
        var out = spec.commandLine().getOut();
        out.printf("A: %s (%s)%nB: %s (%s)%n", a, left.path("scenario").asText(), b, right.path("scenario").asText());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("cell", "metric", "A", "B", "B - A", "B / A - 1"));
        int shared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> cells = left.path("cells").fields(); cells.hasNext(); ) {
            Map.Entry<String, JsonNode> cell = cells.next();
            JsonNode other = right.path("cells").path(cell.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> metrics = cell.getValue().fields(); metrics.hasNext(); ) {
                Map.Entry<String, JsonNode> metric = metrics.next();
                JsonNode x = metric.getValue().path("mean");
                JsonNode y = other.path(metric.getKey()).path("mean");
                if (!x.isNumber() || !y.isNumber()) {
                    continue;
                }
                shared++;
                double va = x.asDouble();
                double vb = y.asDouble();
                rows.add(List.of(cell.getKey(), metric.getKey(), SummaryTable.number(va), SummaryTable.number(vb), SummaryTable.number(vb - va),
                        va == 0 ? "n/a" : String.format(Locale.ROOT, "%+.2f%%", 100 * (vb / va - 1))));
            }
        }
        if (shared == 0) {
            throw new BadInputException("the runs share no cell and metric to compare");
        }
        SummaryTable.printAligned(rows, out);
        for (JsonNode e : left.path("expectations")) {
            for (JsonNode f : right.path("expectations")) {
                if (e.path("expectation").asText().equals(f.path("expectation").asText())
                        && e.path("passed").asBoolean() != f.path("passed").asBoolean()) {
                    out.printf("  %s: %s in A, %s in B%n", e.path("expectation").asText(), verdict(e), verdict(f));
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String verdict(JsonNode e) {
        return e.path("passed").asBoolean() ? "PASS" : "FAIL";
    }

    private static JsonNode summary(Path run) throws IOException {
        return new ObjectMapper().readTree(BadInputException.completeRun(run).resolve("summary.json").toFile());
    }
}

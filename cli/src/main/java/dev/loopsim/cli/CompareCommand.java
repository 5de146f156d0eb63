package dev.loopsim.cli;

import dev.loopsim.results.rundir.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
        RunSummary left = summary(a);
        RunSummary right = summary(b);
        var out = spec.commandLine().getOut();
        out.printf("A: %s (%s)%nB: %s (%s)%n", a, left.scenario(), b, right.scenario());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("cell", "metric", "A", "B", "B - A", "B / A - 1"));
        int shared = 0;
        for (Map.Entry<String, Map<String, RunSummary.MetricSummary>> cell : left.cells().entrySet()) {
            Map<String, RunSummary.MetricSummary> other = right.cells().getOrDefault(cell.getKey(), Map.of());
            for (Map.Entry<String, RunSummary.MetricSummary> metric : cell.getValue().entrySet()) {
                RunSummary.MetricSummary y = other.get(metric.getKey());
                double va = metric.getValue().mean();
                if (y == null || Double.isNaN(va) || Double.isNaN(y.mean())) {
                    continue;
                }
                shared++;
                double vb = y.mean();
                rows.add(List.of(cell.getKey(), metric.getKey(), SummaryTable.number(va), SummaryTable.number(vb), SummaryTable.number(vb - va),
                        va == 0 ? "n/a" : String.format(Locale.ROOT, "%+.2f%%", 100 * (vb / va - 1))));
            }
        }
        if (shared == 0) {
            throw new BadInputException("the runs share no cell and metric to compare");
        }
        SummaryTable.printAligned(rows, out);
        for (RunSummary.ExpectationSummary e : left.expectations()) {
            for (RunSummary.ExpectationSummary f : right.expectations()) {
                if (e.expectation().equals(f.expectation()) && e.passed() != f.passed()) {
                    out.printf("  %s: %s in A, %s in B%n", e.expectation(), verdict(e), verdict(f));
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String verdict(RunSummary.ExpectationSummary e) {
        return e.passed() ? "PASS" : "FAIL";
    }

    private static RunSummary summary(Path run) throws IOException {
        return RunSummary.read(BadInputException.completeRun(run));
    }
}

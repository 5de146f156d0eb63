package dev.loopsim.cli;

import dev.loopsim.scenarios.run.OpeTruth;

import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.run.ExperimentResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints an experiment's summary: metrics by cell with intervals, then expectations. */
final class SummaryTable {
    private SummaryTable() { }

    static void print(ExperimentResult result, PrintWriter out) {
        var spec = result.spec();
        String length = spec.bandit() != null ? String.format(Locale.ROOT, "%,d steps of a %s bandit", spec.bandit().steps(),
                dev.loopsim.core.Keys.of(spec.bandit().type())) : String.format(Locale.ROOT, "%.0f days", spec.horizonDays());
        out.printf(Locale.ROOT, "%s: %d cell(s) x %d replicate(s), %s; mean %s%n", spec.name(),
                spec.cells().size(), spec.replicates(), length,
                spec.replicates() > 1 ? String.format(Locale.ROOT, "± half-width of the %.0f%% interval", 100 * spec.metrics().confidence())
                        : "(one replicate: no interval)");
        List<String> cells = new ArrayList<>(result.summary().keySet());
        List<String> metrics = result.summary().get(cells.get(0)).keySet().stream()
                .filter(dev.loopsim.results.metrics.MetricId::isRunLevel).toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("metric");
        header.addAll(cells);
        rows.add(header);
        for (String metric : metrics) {
            List<String> row = new ArrayList<>();
            row.add(metric);
            for (String cell : cells) {
                row.add(format(result.summary().get(cell).get(metric)));
            }
            rows.add(row);
        }
        printAligned(rows, out);
        if (!result.ope().isEmpty()) {
            printOpe(result, out);
        }
        if (!result.abEffects().isEmpty()) {
            printEffects(result, out);
        }
        if (!result.expectations().isEmpty()) {
            out.println();
            out.println("expectations:");
            for (ExpectationResult e : result.expectations()) {
                out.printf("  %s  %s: %s%n", e.passed() ? "PASS" : "FAIL", e.expectation().text(), e.detail());
            }
        }
        out.printf(Locale.ROOT, "%n%,d %s simulated in %.1f s (%,.0f %s/s)%n", result.visits(), unit(spec),
                result.seconds(), result.visitsPerSecond(), unit(spec));
        out.flush();
    }

    /** The A/B readout: each cell's lift over the control, per variant and readout day. */
    private static void printEffects(ExperimentResult result, PrintWriter out) {
        var spec = result.spec();
        double[] shares = spec.abTest().shares(spec.cells().size());
        out.println();
        out.printf(Locale.ROOT, "A/B test: members split %s by a stable hash of their id; control: %s. Lift over the control "
                + "(treatment / control - 1), mean over %d replicate(s) with its %.0f%% interval and two-sided p:%n",
                java.util.Arrays.stream(shares).mapToObj(x -> String.format(Locale.ROOT, "%.0f%%", 100 * x)).toList(),
                spec.cells().get(0).name(), spec.replicates(), 100 * spec.metrics().confidence());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("variant", "day", "cell", "metric", "control", "cell value", "lift", "interval", "p",
                "one test (r0)", "its interval", "its p"));
        for (var e : result.abEffects()) {
            boolean analyst = !Double.isNaN(e.analystLift());
            rows.add(List.of(e.variant(), Integer.toString(e.day()), e.cell(), e.metric(), number(e.control()),
                    number(e.treatment()), percent(e.lift().mean()),
                    e.lift().n() < 2 ? "n/a" : percent(e.lift().lower()) + " to " + percent(e.lift().upper()),
                    Double.isNaN(e.pValue()) ? "n/a" : String.format(Locale.ROOT, "%.3g", e.pValue()),
                    analyst ? percent(e.analystLift()) : "", analyst ? percent(e.analystLower()) + " to " + percent(e.analystUpper()) : "",
                    analyst ? String.format(Locale.ROOT, "%.3g", e.analystP()) : ""));
        }
        printAligned(rows, out);
        out.println("  (one test (r0): what an analyst reads from replicate 0 alone, its interval from the spread between members)");
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.2f%%", 100 * fraction);
    }

    /** Each estimator against the truth, per target, and the one to trust. */
    private static void printOpe(ExperimentResult result, PrintWriter out) {
        var ope = result.spec().ope();
        List<OpeTruth.Summary> summaries = OpeTruth.summarise(result.ope());
        out.println();
        out.printf(Locale.ROOT, "off-policy estimates from %s's logs against each target's on-policy value (plays per page "
                + "visit), over %d replicate(s):%n", ope.logging(), result.spec().replicates());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("target", "estimator", "estimate", "truth", "bias", "rmse", "coverage"));
        for (OpeTruth.Summary s : summaries) {
            rows.add(List.of(s.target(), s.estimator(), number(s.meanEstimate()), number(s.meanTruth()), number(s.bias()),
                    number(s.rmse()), String.format(Locale.ROOT, "%.0f%%", 100 * s.coverage())));
        }
        printAligned(rows, out);
        for (String target : ope.targets()) {
            out.printf("  trust for %s: %s%n", target,
                    OpeTruth.trusted(summaries.stream().filter(s -> s.target().equals(target)).toList()));
        }
    }

    private static String unit(dev.loopsim.scenarios.spec.ScenarioSpec spec) {
        return spec.bandit() != null ? "pulls" : "visits";
    }

    static String format(Interval interval) {
        if (interval == null || Double.isNaN(interval.mean())) {
            return "n/a";
        }
        if (interval.n() < 2) {
            return number(interval.mean());
        }
        return number(interval.mean()) + " ± " + number(interval.halfWidth());
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        if (value == 0) {
            return "0";
        }
        return magnitude >= 1000 || magnitude < 0.001 ? String.format(Locale.ROOT, "%.3g", value)
                : String.format(Locale.ROOT, "%.4f", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    static void printAligned(List<List<String>> rows, PrintWriter out) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                line.append(c == 0 ? String.format("%-" + widths[c] + "s", cell) : String.format("  %" + widths[c] + "s", cell));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static Map<String, Interval> cell(ExperimentResult result, String cell) {
        return result.summary().get(cell);
    }
}

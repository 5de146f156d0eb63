package dev.loopsim.results.report;

import dev.loopsim.results.chart.LineChart;
import dev.loopsim.results.metrics.MetricId;
import dev.loopsim.results.rundir.RunSummary;
import dev.loopsim.results.rundir.SweepSummary;
import dev.loopsim.results.stats.Interval;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The report of a run directory as one self-contained HTML page: charts embedded as PNG data,
 * no script and nothing fetched, so it opens offline and can be mailed. It reads only the
 * directory's files, so any complete run, old or new, can be reported.
 */
public final class RunReport {
    private final StringBuilder html = new StringBuilder();

    private RunReport() { }

    /** The page for a run directory (or a sweep's, whose points are listed with their own pages). */
    public static String of(Path run) throws IOException {
        RunReport report = new RunReport();
        if (RunSummary.isSweep(run)) {
            SweepSummary sweep = SweepSummary.read(run);
            report.head(sweep.scenario().isEmpty() ? "run" : sweep.scenario());
            report.sweep(run, sweep);
        } else {
            RunSummary summary = RunSummary.read(run);
            report.head(summary.scenario().isEmpty() ? "run" : summary.scenario());
            report.body(run, summary);
        }
        report.html.append("</body></html>\n");
        return report.html.toString();
    }

    /** How many charts the page holds. */
    public static int charts(String page) {
        return page.split("<img ", -1).length - 1;
    }

    private void head(String title) {
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>loopsim: ").append(escape(title))
                .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                        + "table.text td{text-align:left}.pass{color:#1a7f37}.fail{color:#cf222e;font-weight:bold}img{display:block;margin:0.5em 0}"
                        + "</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
    }

    private void body(Path run, RunSummary summary) throws IOException {
        double confidence = summary.confidence();
        html.append(String.format(Locale.ROOT, "<p>%d replicate(s), %,d visits; intervals are %.0f%% intervals over "
                + "replicates.</p>%n", summary.replicates(), summary.visits(), 100 * confidence));
        expectations(summary.expectations());
        Path daily = run.resolve("daily.csv");
        if (Files.exists(daily) && Files.size(daily) > 200) {
            DailySeries series = DailySeries.read(daily);
            int window = series.days(series.cells().get(0)).length > 60 ? 7 : 1;
            String by = window > 1 ? " by week" : " by day";
            daily(series, "plays", "impressions", window, "Take fraction" + by, "plays / impressions", confidence);
            daily(series, "plays", "visits", window, "Plays per visit" + by, "plays / visit", confidence);
            daily(series, "active_members", null, window, "Members active each day" + (window > 1 ? " (weekly mean)" : ""),
                    "members", confidence);
            regret(series, confidence);
            retention(run.resolve("retention.csv"), confidence);
            genres(series);
        }
        metrics(summary.cells());
        abEffects(run.resolve("ab_effects.csv"));
        ope(summary.ope());
    }

    private void expectations(List<RunSummary.ExpectationSummary> list) {
        if (list.isEmpty()) {
            return;
        }
        html.append("<h2>Expectations</h2>\n<table class=\"text\"><tr><th>expectation</th><th>result</th><th>detail</th></tr>\n");
        for (RunSummary.ExpectationSummary e : list) {
            boolean passed = e.passed();
            html.append("<tr><td>").append(escape(e.expectation())).append("</td><td class=\"")
                    .append(passed ? "pass\">PASS" : "fail\">FAIL").append("</td><td>").append(escape(e.detail()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** A daily ratio of column sums per cell (or, without a denominator, a column's mean), over windows of days. */
    private void daily(DailySeries series, String numerator, String denominator, int window, String title, String unit,
                       double confidence) throws IOException {
        LineChart chart = new LineChart(title, "day", unit);
        for (String cell : series.cells()) {
            Interval[] values = series.ratio(cell, numerator, denominator, window, confidence);
            if (java.util.Arrays.stream(values).allMatch(v -> Double.isNaN(v.mean()))) {
                continue;
            }
            band(chart, cell, series.windowEnds(cell, window), values);
        }
        chart(chart);
    }

    private void regret(DailySeries series, double confidence) throws IOException {
        LineChart chart = new LineChart("Cumulative expected regret", "day", "plays lost against the oracle's page");
        for (String cell : series.cells()) {
            Interval[] values = series.cumulative(cell, "expected_regret_per_visit", "visits", confidence);
            if (values.length > 0 && values[values.length - 1].mean() > 0) {
                band(chart, cell, series.days(cell), values);
            }
        }
        chart(chart);
    }

    /** The retention curve per cell: the share of members not churned by each week of membership, cohorts aligned by join. */
    private void retention(Path file, double confidence) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Map<String, java.util.TreeMap<Integer, List<Double>>> byCell = new java.util.LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                byCell.computeIfAbsent(r.get("cell"), c -> new java.util.TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(r.get("week")), w -> new ArrayList<>()).add(parse(r.get("retained")));
            }
        }
        LineChart chart = new LineChart("Retention: members not churned, by weeks since joining", "weeks since joining",
                "share of members");
        for (Map.Entry<String, java.util.TreeMap<Integer, List<Double>>> cell : byCell.entrySet()) {
            double[] weeks = cell.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            Interval[] values = cell.getValue().values().stream()
                    .map(v -> Interval.of(v.stream().mapToDouble(Double::doubleValue).toArray(), confidence)).toArray(Interval[]::new);
            if (weeks.length > 1) {
                band(chart, cell.getKey(), weeks, values);
            }
        }
        chart(chart);
    }

    /** One chart per cell: each genre's share of plays over time (weekly past 60 days). */
    private void genres(DailySeries series) throws IOException {
        for (String cell : series.cells()) {
            double[] days = series.days(cell);
            int window = days.length > 60 ? 7 : 1;
            double[][] shares = series.genreShares(cell, window);
            if (shares.length == 0 || shares[0].length < 2) {
                continue;
            }
            double[] x = new double[shares[0].length];
            for (int p = 0; p < x.length; p++) {
                x[p] = (p + 1) * window;
            }
            LineChart chart = new LineChart("Genre shares of plays: " + cell + (window > 1 ? " (weekly)" : ""), "day", "share");
            for (int g = 0; g < shares.length; g++) {
                chart.line("genre " + g, x, shares[g], null, null);
            }
            chart(chart);
        }
    }

    private static void band(LineChart chart, String name, double[] x, Interval[] values) {
        double[] mean = java.util.Arrays.stream(values).mapToDouble(Interval::mean).toArray();
        boolean intervals = values.length > 0 && values[0].n() > 1;
        chart.line(name, x, mean, intervals ? java.util.Arrays.stream(values).mapToDouble(Interval::lower).toArray() : null,
                intervals ? java.util.Arrays.stream(values).mapToDouble(Interval::upper).toArray() : null);
    }

    private void chart(LineChart chart) throws IOException {
        if (chart.isEmpty()) {
            return;
        }
        html.append("<img alt=\"").append(escape(chart.title())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(chart.png())).append("\">\n");
    }

    private void metrics(Map<String, Map<String, RunSummary.MetricSummary>> cells) {
        if (cells.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(cells.keySet());
        html.append("<h2>Metrics</h2>\n<table><tr><th>metric</th>");
        names.forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
        html.append("</tr>\n");
        for (String metric : cells.get(names.get(0)).keySet()) {
            if (!MetricId.isRunLevel(metric)) {
                continue; // in their own tables
            }
            html.append("<tr><td>").append(escape(metric)).append("</td>");
            for (String cell : names) {
                html.append("<td>").append(value(cells.get(cell).get(metric))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String value(RunSummary.MetricSummary m) {
        if (m == null || Double.isNaN(m.mean())) {
            return "n/a";
        }
        String mean = number(m.mean());
        return m.n() > 1 && !Double.isNaN(m.upper()) ? mean + " ± " + number((m.upper() - m.lower()) / 2) : mean;
    }

    private void abEffects(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        html.append("<h2>A/B test: lift over the control</h2>\n<table><tr><th>variant</th><th>day</th><th>cell</th>"
                + "<th>metric</th><th>control</th><th>cell value</th><th>lift</th><th>interval</th><th>p</th>"
                + "<th>one test (replicate 0), from its members</th></tr>\n");
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                html.append("<tr><td>").append(escape(r.get("variant"))).append("</td><td>").append(r.get("day")).append("</td><td>")
                        .append(escape(r.get("cell"))).append("</td><td>").append(escape(r.get("metric"))).append("</td><td>")
                        .append(number(parse(r.get("control")))).append("</td><td>").append(number(parse(r.get("cell_value"))))
                        .append("</td><td>").append(percent(parse(r.get("lift")))).append("</td><td>")
                        .append(percent(parse(r.get("lift_lower")))).append(" to ").append(percent(parse(r.get("lift_upper"))))
                        .append("</td><td>").append(number(parse(r.get("p_value")))).append("</td><td>")
                        .append(r.isMapped("r0_member_lift") && !r.get("r0_member_lift").isEmpty()
                                ? percent(parse(r.get("r0_member_lift"))) + " (" + percent(parse(r.get("r0_member_lower"))) + " to "
                                + percent(parse(r.get("r0_member_upper"))) + ", p " + number(parse(r.get("r0_member_p"))) + ")" : "")
                        .append("</td></tr>\n");
            }
        }
        html.append("</table>\n");
    }

    private void ope(Map<String, RunSummary.OpeTarget> ope) {
        if (ope.isEmpty()) {
            return;
        }
        html.append("<h2>Off-policy estimates against the on-policy truth</h2>\n<table><tr><th>target</th><th>estimator</th>"
                + "<th>estimate</th><th>truth</th><th>bias</th><th>RMSE</th><th>coverage</th></tr>\n");
        for (Map.Entry<String, RunSummary.OpeTarget> target : ope.entrySet()) {
            for (Map.Entry<String, RunSummary.OpeEstimator> e : target.getValue().estimators().entrySet()) {
                RunSummary.OpeEstimator v = e.getValue();
                html.append("<tr><td>").append(escape(target.getKey())).append("</td><td>").append(escape(e.getKey()))
                        .append("</td><td>").append(number(v.meanEstimate())).append("</td><td>")
                        .append(number(v.meanTruth())).append("</td><td>").append(number(v.bias()))
                        .append("</td><td>").append(number(v.rmse())).append("</td><td>")
                        .append(Double.isNaN(v.coverage()) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v.coverage()))
                        .append("</td></tr>\n");
            }
            html.append("<tr><td colspan=\"7\">trust for ").append(escape(target.getKey())).append(": ")
                    .append(escape(target.getValue().trusted())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** A sweep: each run-level metric against each parameter, one line per cell, and the points' own pages. */
    private void sweep(Path run, SweepSummary summary) throws IOException {
        List<String> parameters = summary.parameters();
        html.append("<p>A sweep of ").append(summary.points().size()).append(" point(s) over ")
                .append(escape(String.join(", ", parameters))).append(".</p>\n");
        List<CSVRecord> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(run.resolve("sweep.csv"))) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).forEach(r -> {
                if (r.get("day").isEmpty()) {
                    rows.add(r);
                }
            });
        }
        for (String metric : List.of("take_fraction", "plays_per_member", "visits_per_member_week", "homogenization",
                "exposure_gini", "play_coverage")) {
            for (String parameter : parameters) {
                sweepChart(rows, parameter, metric);
            }
        }
        html.append("<h2>Points</h2>\n<table><tr><th>point</th>");
        parameters.forEach(p -> html.append("<th>").append(escape(p)).append("</th>"));
        html.append("<th>expectations</th><th>report</th></tr>\n");
        for (SweepSummary.Point point : summary.points()) {
            html.append("<tr><td>").append(point.point()).append("</td>");
            parameters.forEach(p -> html.append("<td>").append(escape(point.values().getOrDefault(p, ""))).append("</td>"));
            boolean hold = point.expectationsHold();
            String dir = point.directory();
            html.append("<td class=\"").append(hold ? "pass\">hold" : "fail\">failed").append("</td><td><a href=\"")
                    .append(escape(dir)).append("/report.html\">").append(escape(dir)).append("</a></td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** The metric's mean over replicates against the parameter's value (numeric, or the order of first appearance). */
    private void sweepChart(List<CSVRecord> rows, String parameter, String metric) throws IOException {
        Map<String, Map<String, List<Double>>> byCell = new java.util.LinkedHashMap<>();
        List<String> levels = new ArrayList<>();
        for (CSVRecord r : rows) {
            if (!r.get("metric").equals(metric) || r.get("value").isEmpty()) {
                continue;
            }
            String level = r.get(parameter);
            if (!levels.contains(level)) {
                levels.add(level);
            }
            byCell.computeIfAbsent(r.get("cell"), c -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(level, l -> new ArrayList<>()).add(Double.parseDouble(r.get("value")));
        }
        boolean numeric = levels.stream().allMatch(l -> l.matches("-?[0-9.eE+-]+"));
        LineChart chart = new LineChart(metric + " against " + parameter, parameter + (numeric ? "" : " (point order)"), metric);
        for (Map.Entry<String, Map<String, List<Double>>> cell : byCell.entrySet()) {
            List<String> sorted = new ArrayList<>(cell.getValue().keySet());
            if (numeric) {
                sorted.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
            }
            double[] x = sorted.stream().mapToDouble(l -> numeric ? Double.parseDouble(l) : levels.indexOf(l)).toArray();
            double[] y = sorted.stream().mapToDouble(l -> cell.getValue().get(l).stream().mapToDouble(Double::doubleValue)
                    .average().orElse(Double.NaN)).toArray();
            chart.line(cell.getKey(), x, y, null, null);
        }
        chart(chart);
    }

    private static double parse(String text) {
        return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        return value == 0 ? "0" : magnitude >= 1000 || magnitude < 0.001 ? String.format(Locale.ROOT, "%.3g", value)
                : String.format(Locale.ROOT, "%.4f", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%+.2f%%", 100 * fraction);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package dev.loopsim.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.loopsim.results.chart.LineChart;
import dev.loopsim.results.chart.StackedShareChart;
import dev.loopsim.results.metrics.MetricId;
import dev.loopsim.results.rundir.Manifest;
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
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final StringBuilder html = new StringBuilder();
    private String bands = "dashed: interval over replicates";
    private double confidence = 0.95;

    private RunReport() { }

    /** The page for a run directory (or a sweep's, whose points are listed with their own pages). */
    public static String of(Path run) throws IOException {
        RunReport report = new RunReport();
        if (RunSummary.isSweep(run)) {
            SweepSummary sweep = SweepSummary.read(run);
            report.head(sweep.scenario().isEmpty() ? "run" : sweep.scenario());
            report.settings(run);
            report.sweep(run, sweep);
        } else {
            RunSummary summary = RunSummary.read(run);
            report.head(summary.scenario().isEmpty() ? "run" : summary.scenario());
            report.settings(run);
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
                        + "table.text td{text-align:left}p.what{font-size:1.05em}pre{background:#f6f8fa;padding:0.8em;overflow:auto;"
                        + "font-size:0.85em}details{margin:0.5em 0 1em}summary{cursor:pointer}.pass{color:#1a7f37}.fail{color:#cf222e;font-weight:bold}img{display:block;margin:0.5em 0}"
                        + "</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
    }

    /**
     * What was run: the scenario's description, its main settings, the loopsim build, and the
     * resolved scenario itself (every default filled in), folded away until asked for.
     */
    private void settings(Path run) throws IOException {
        Path file = run.resolve("scenario.yaml");
        if (!Files.exists(file)) {
            return;
        }
        String yaml = Files.readString(file);
        JsonNode scenario = YAML.readTree(yaml);
        String description = scenario.path("description").asText("");
        if (!description.isBlank()) {
            html.append("<p class=\"what\">").append(escape(description.strip())).append("</p>\n");
        }
        List<String> facts = new ArrayList<>();
        facts.add("seed " + scenario.path("seed").asText("?"));
        facts.add(scenario.path("replicates").asInt() + " replicate(s)");
        facts.add(number(scenario.path("horizon_days").asDouble(Double.NaN)) + " days");
        JsonNode members = scenario.path("world").path("population").path("members");
        if (members.isNumber()) {
            facts.add(String.format(Locale.ROOT, "%,d members", members.asLong()));
        }
        JsonNode titles = scenario.path("world").path("catalog").path("titles");
        if (titles.isNumber()) {
            facts.add(String.format(Locale.ROOT, "%,d titles", titles.asLong()));
        }
        if (Files.exists(run.resolve(Manifest.FILE))) {
            Manifest manifest = Manifest.read(run);
            String commit = manifest.gitCommit() == null || manifest.gitCommit().isEmpty() ? ""
                    : " (" + manifest.gitCommit().substring(0, Math.min(12, manifest.gitCommit().length()))
                    + ("true".equals(manifest.gitDirty()) ? ", with uncommitted changes" : "") + ")";
            facts.add("loopsim " + manifest.loopsimVersion() + commit);
        }
        html.append("<p>").append(escape(String.join(" · ", facts))).append("</p>\n<details><summary>Settings: the resolved "
                + "scenario, every default filled in (scenario.yaml)</summary><pre>").append(escape(yaml)).append("</pre></details>\n");
    }

    private void body(Path run, RunSummary summary) throws IOException {
        confidence = summary.confidence();
        html.append(String.format(Locale.ROOT, "<p>%d replicate(s), %,d visits; intervals are %.0f%% intervals over "
                + "replicates.</p>%n", summary.replicates(), summary.visits(), 100 * confidence));
        bands = String.format(Locale.ROOT, "dashed: %.0f%% interval over %d replicates", 100 * confidence, summary.replicates());
        expectations(summary.expectations());
        Path daily = run.resolve("daily.csv");
        DailySeries series = Files.exists(daily) && Files.size(daily) > 200 ? DailySeries.read(daily) : null;
        if (series != null) {
            int window = series.days(series.cells().get(0)).length > 60 ? 7 : 1;
            String by = window > 1 ? " by week" : " by day";
            daily(series, "plays", "impressions", window, "Take fraction" + by, "plays / impressions", confidence);
            daily(series, "plays", "visits", window, "Plays per visit" + by, "plays / visit", confidence);
            daily(series, "active_members", null, window, "Members active each day" + (window > 1 ? " (weekly mean)" : ""),
                    "members", confidence);
            regret(series, confidence);
        }
        retention(run.resolve("retention.csv"), confidence);
        if (series != null) {
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
        LineChart chart = new LineChart(title, "day", unit).bandsAre(bands).wholeNumbersOnX();
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
        LineChart chart = new LineChart("Cumulative expected regret", "day", "plays lost against the oracle's page")
                .bandsAre(bands).wholeNumbersOnX();
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
        double[] range = byCell.values().stream().flatMap(weeks -> weeks.values().stream()).flatMap(List::stream)
                .mapToDouble(Double::doubleValue).collect(() -> new double[] {1, 0}, (r, v) -> {
                    r[0] = Math.min(r[0], v);
                    r[1] = Math.max(r[1], v);
                }, (r, o) -> {
                    r[0] = Math.min(r[0], o[0]);
                    r[1] = Math.max(r[1], o[1]);
                });
        if (range[0] >= range[1]) {
            int weeks = byCell.values().stream().mapToInt(w -> w.isEmpty() ? 0 : w.lastKey()).max().orElse(0);
            html.append(String.format(Locale.ROOT, "<p>Retention: %s of members stayed through week %d of membership in every "
                    + "cell, so there is no curve to chart.</p>%n", percent(range[0]).substring(1), weeks));
            return;
        }
        LineChart chart = new LineChart("Retention: members not churned, by weeks since joining", "weeks since joining",
                "share of members").bandsAre(bands).wholeNumbersOnX();
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

    /** One chart per cell: each genre's share of plays over time (weekly past 60 days), stacked. */
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
            String[] names = java.util.stream.IntStream.range(0, shares.length).mapToObj(g -> "genre " + g).toArray(String[]::new);
            StackedShareChart chart = new StackedShareChart("Genre shares of plays: " + cell
                    + (window > 1 ? " (by week)" : " (by day)") + ", replicates pooled", "day").parts(names, x, shares);
            if (!chart.isEmpty()) {
                image(chart.title(), chart.png());
            }
        }
    }

    private static void band(LineChart chart, String name, double[] x, Interval[] values) {
        double[] mean = java.util.Arrays.stream(values).mapToDouble(Interval::mean).toArray();
        boolean intervals = values.length > 0 && values[0].n() > 1;
        chart.line(name, x, mean, intervals ? java.util.Arrays.stream(values).mapToDouble(Interval::lower).toArray() : null,
                intervals ? java.util.Arrays.stream(values).mapToDouble(Interval::upper).toArray() : null);
    }

    private void chart(LineChart chart) throws IOException {
        if (!chart.isEmpty()) {
            image(chart.title() + " (legend: " + String.join("; ", chart.legend()) + ")", chart.png());
        }
    }

    private void image(String title, byte[] png) {
        html.append("<img alt=\"").append(escape(title)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
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
        if (!summary.points().isEmpty() && Files.exists(run.resolve(summary.points().get(0).directory()).resolve(RunSummary.FILE))) {
            RunSummary point = RunSummary.read(run.resolve(summary.points().get(0).directory()));
            confidence = point.confidence();
            bands = String.format(Locale.ROOT, "dashed: %.0f%% interval over %d replicates", 100 * confidence, point.replicates());
        }
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
                sweepChart(rows, parameters, parameter, metric);
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

    /**
     * The metric's mean over replicates against one parameter, with its interval: one line per
     * cell and per combination of the other parameters' values, so nothing is averaged away.
     */
    private void sweepChart(List<CSVRecord> rows, List<String> parameters, String parameter, String metric) throws IOException {
        List<String> others = parameters.stream().filter(p -> !p.equals(parameter)).toList();
        Map<String, Map<String, List<Double>>> byLine = new java.util.LinkedHashMap<>();
        List<String> levels = new ArrayList<>();
        for (CSVRecord r : rows) {
            if (!r.get("metric").equals(metric) || r.get("value").isEmpty()) {
                continue;
            }
            String level = r.get(parameter);
            if (!levels.contains(level)) {
                levels.add(level);
            }
            StringBuilder line = new StringBuilder(r.get("cell"));
            others.forEach(o -> line.append(", ").append(o).append(" = ").append(r.get(o)));
            byLine.computeIfAbsent(line.toString(), c -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(level, l -> new ArrayList<>()).add(Double.parseDouble(r.get("value")));
        }
        boolean numeric = levels.stream().allMatch(l -> l.matches("-?[0-9.eE+-]+"));
        LineChart chart = new LineChart(metric + " against " + parameter, parameter + (numeric ? "" : " (point order)"), metric)
                .bandsAre(bands);
        if (!numeric) {
            chart.wholeNumbersOnX();
        }
        for (Map.Entry<String, Map<String, List<Double>>> line : byLine.entrySet()) {
            List<String> sorted = new ArrayList<>(line.getValue().keySet());
            if (numeric) {
                sorted.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
            }
            double[] x = sorted.stream().mapToDouble(l -> numeric ? Double.parseDouble(l) : levels.indexOf(l)).toArray();
            Interval[] values = sorted.stream().map(l -> Interval.of(line.getValue().get(l).stream()
                    .mapToDouble(Double::doubleValue).toArray(), confidence)).toArray(Interval[]::new);
            band(chart, line.getKey(), x, values);
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

package dev.loopsim.results.report;

import dev.loopsim.results.stats.Interval;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A run directory's daily.csv, by cell, day and replicate. */
final class DailySeries {
    /** cell → day → the rows of that day, one per replicate. */
    private final Map<String, TreeMap<Integer, List<CSVRecord>>> byCell = new LinkedHashMap<>();

    private DailySeries() { }

    static DailySeries read(Path file) throws IOException {
        DailySeries series = new DailySeries();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                series.byCell.computeIfAbsent(row.get("cell"), c -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(row.get("day")), d -> new ArrayList<>()).add(row);
            }
        }
        return series;
    }

    List<String> cells() {
        return List.copyOf(byCell.keySet());
    }

    double[] days(String cell) {
        return byCell.get(cell).keySet().stream().mapToDouble(d -> d + 1).toArray(); // day index d ends at d + 1
    }

    /**
     * Per window of {@code window} days, the mean over replicates of a ratio of two column sums (each
     * replicate's own), and its interval: a weekly take fraction is the week's plays over its impressions.
     */
    Interval[] ratio(String cell, String numerator, String denominator, int window, double confidence) {
        List<List<CSVRecord>> days = new ArrayList<>(byCell.get(cell).values());
        int replicates = days.get(0).size();
        Interval[] out = new Interval[days.size() / window];
        for (int p = 0; p < out.length; p++) {
            double[] values = new double[replicates];
            for (int r = 0; r < replicates; r++) {
                double top = 0;
                double bottom = 0;
                for (int d = p * window; d < (p + 1) * window; d++) {
                    CSVRecord row = days.get(d).get(Math.min(r, days.get(d).size() - 1));
                    top += number(row.get(numerator));
                    bottom += denominator == null ? 1 : number(row.get(denominator));
                }
                values[r] = bottom == 0 ? Double.NaN : top / bottom;
            }
            out[p] = Interval.of(values, confidence);
        }
        return out;
    }

    /** The x of each window: the day it ends. */
    double[] windowEnds(String cell, int window) {
        int points = byCell.get(cell).size() / window;
        double[] x = new double[points];
        for (int p = 0; p < points; p++) {
            x[p] = (p + 1) * window;
        }
        return x;
    }

    /** Per day, the running total of a column's values (each replicate's own), as a mean over replicates. */
    Interval[] cumulative(String cell, String column, String weight, double confidence) {
        List<List<CSVRecord>> days = new ArrayList<>(byCell.get(cell).values());
        int replicates = days.get(0).size();
        double[] totals = new double[replicates];
        Interval[] out = new Interval[days.size()];
        for (int d = 0; d < days.size(); d++) {
            List<CSVRecord> rows = days.get(d);
            for (int r = 0; r < Math.min(replicates, rows.size()); r++) {
                double value = number(rows.get(r).get(column));
                totals[r] += Double.isNaN(value) ? 0 : value * (weight == null ? 1 : number(rows.get(r).get(weight)));
            }
            out[d] = Interval.of(totals.clone(), confidence);
        }
        return out;
    }

    /** Per day, each genre's share of the plays, summed over replicates and over windows of {@code window} days. */
    double[][] genreShares(String cell, int window) {
        List<List<CSVRecord>> days = new ArrayList<>(byCell.get(cell).values());
        int genres = days.get(0).get(0).get("genre_plays").isBlank() ? 0 : days.get(0).get(0).get("genre_plays").split(" ").length;
        int points = days.size() / window;
        double[][] shares = new double[genres][points];
        for (int p = 0; p < points; p++) {
            double[] counts = new double[genres];
            for (int d = p * window; d < (p + 1) * window; d++) {
                for (CSVRecord row : days.get(d)) {
                    String[] parts = row.get("genre_plays").split(" ", -1);
                    for (int g = 0; g < genres; g++) {
                        counts[g] += Double.parseDouble(parts[g]);
                    }
                }
            }
            double total = java.util.Arrays.stream(counts).sum();
            for (int g = 0; g < genres; g++) {
                shares[g][p] = total == 0 ? 0 : counts[g] / total;
            }
        }
        return shares;
    }

    private static double number(String text) {
        return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }
}

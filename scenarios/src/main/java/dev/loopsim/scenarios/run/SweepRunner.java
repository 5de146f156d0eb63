package dev.loopsim.scenarios.run;

import dev.loopsim.results.io.Csv;
import dev.loopsim.results.logs.LogKind;
import dev.loopsim.results.metrics.DailyRow;
import dev.loopsim.scenarios.load.Sweeps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a sweep's points, several at once across the cores. Each point is an experiment of its own
 * whose results do not depend on how many threads ran it, so a point gives what it gives alone.
 */
public final class SweepRunner {
    private SweepRunner() { }

    /** One point and what it produced. */
    public record PointResult(Sweeps.Point point, ExperimentResult result) { }

    /** The daily counts of the tidy table, as metric names; the daily metrics measured follow them. */
    private static final List<String> DAILY_COUNTS = List.of("visits", "active_members", "impressions", "plays",
            "quality_plays", "completions", "churned");

    /**
     * @param threads threads in all: points run side by side, each with its share of them
     */
    public static List<PointResult> run(Sweeps.Sweep sweep, int threads, ProgressListener progress) {
        return run(sweep, threads, progress, Checkpoints.NONE);
    }

    /** @param checkpoints where each point keeps its finished replicates ({@link Checkpoints#point}) */
    public static List<PointResult> run(Sweeps.Sweep sweep, int threads, ProgressListener progress, Checkpoints checkpoints) {
        List<Sweeps.Point> points = sweep.points();
        int perPoint = Math.max(1, threads / points.size());
        int atOnce = Math.max(1, Math.min(points.size(), threads / perPoint));
        ExecutorService pool = Executors.newFixedThreadPool(atOnce, runnable -> {
            Thread thread = new Thread(runnable, "loopsim-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PointResult>> running = new ArrayList<>();
            for (Sweeps.Point point : points) {
                running.add(pool.submit(() -> new PointResult(point, new ExperimentRunner(perPoint, ProgressListener.NONE)
                        .run(point.loaded().spec(), null, checkpoints.point(point.index())))));
            }
            List<PointResult> results = new ArrayList<>();
            for (Future<PointResult> future : running) {
                results.add(future.get());
                progress.progress(results.size(), points.size(), "point " + results.size() + " of " + points.size());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The sweep as one tidy table: a row per point, parameter values, cell, replicate, day and
     * metric. Run-level metrics have no day; daily ones have their day index.
     */
    public static String tidy(Sweeps.Sweep sweep, List<PointResult> results) {
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(sweep.parameters());
        header.addAll(List.of("cell", "replicate", "day", "metric", "value"));
        Csv csv = new Csv(header);
        for (PointResult pr : results) {
            List<Object> prefix = new ArrayList<>(List.of(pr.point().index()));
            sweep.parameters().forEach(p -> prefix.add(pr.point().values().get(p)));
            for (CellRun run : pr.result().runs()) {
                for (Map.Entry<String, Double> metric : run.metrics().entrySet()) {
                    row(csv, prefix, run, "", metric.getKey(), metric.getValue());
                }
                for (DailyRow day : run.daily()) {
                    double[] counts = {day.visits(), day.activeMembers(), day.impressions(), day.plays(), day.qualityPlays(),
                            day.completions(), day.churned()};
                    for (int i = 0; i < DAILY_COUNTS.size(); i++) {
                        row(csv, prefix, run, day.day(), DAILY_COUNTS.get(i), counts[i]);
                    }
                    day.metrics().forEach((metric, value) -> row(csv, prefix, run, day.day(), metric, value));
                }
            }
        }
        return csv.toString();
    }

    /** The tidy table's columns and their DuckDB types, as sweep.parquet has them. */
    public static List<LogKind.Column> tidyColumns(Sweeps.Sweep sweep) {
        List<LogKind.Column> columns = new ArrayList<>(List.of(new LogKind.Column("point", "INTEGER")));
        sweep.parameters().forEach(p -> columns.add(new LogKind.Column(p, "VARCHAR")));
        for (String name : List.of("cell", "replicate", "day", "metric", "value")) {
            columns.add(new LogKind.Column(name, switch (name) {
                case "replicate", "day" -> "INTEGER";
                case "value" -> "DOUBLE";
                default -> "VARCHAR";
            }));
        }
        return columns;
    }

    private static void row(Csv csv, List<Object> prefix, CellRun run, Object day, String metric, double value) {
        List<Object> fields = new ArrayList<>(prefix);
        fields.addAll(List.of(run.cell(), run.replicate(), day, metric, value));
        csv.row(fields.toArray());
    }
}

package dev.loopsim.cli;

import dev.loopsim.results.io.RunDirectory;
import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.load.Sweeps;
import dev.loopsim.scenarios.run.Engine;
import dev.loopsim.scenarios.run.RunLifecycle;
import dev.loopsim.scenarios.run.SweepRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code loopsim run} on a scenario with a {@code sweep}: every point runs, several at once, into
 * {@code points/<i>/} (a complete run directory each), and the sweep's tidy table goes to
 * {@code sweep.csv} and {@code sweep.parquet}.
 */
final class SweepRun {
    /** What the printed table shows of each cell. */
    private static final List<String> SHOWN = List.of("take_fraction", "plays_per_member", "visits_per_member_week");
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    SweepRun(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    /**
     * @param resuming  whether {@code out} is an interrupted sweep to finish
     * @param overrides the {@code --set} assignments, recorded for a later resume
     */
    int run(Sweeps.Sweep sweep, ScenarioSource source, Path out, boolean resuming, List<String> overrides, int threads,
            Engine engine) throws IOException {
        String name = sweep.points().get(0).loaded().spec().name();
        Path directory = out != null ? out : RunCommand.defaultDirectory(name);
        List<SweepRunner.PointResult> results;
        try (TerminalProgress progress = new TerminalProgress(name + " sweep", quiet)) {
            results = RunLifecycle.sweep(sweep, source, directory, resuming, overrides, threads, progress,
                    RunCommand.events(err, "sweep"), engine);
        } catch (RunDirectory.Unusable e) {
            throw new BadInputException(e.getMessage());
        }
        boolean hold = print(sweep, results);
        this.out.println("run directory: " + directory);
        this.out.flush();
        return hold ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A line per point and cell, and the expectations that failed; whether every expectation held. */
    private boolean print(Sweeps.Sweep sweep, List<SweepRunner.PointResult> results) {
        var first = sweep.points().get(0).loaded().spec();
        out.printf(Locale.ROOT, "%s: sweep of %d point(s) over %s; %d cell(s) x %d replicate(s) each%n", first.name(),
                results.size(), sweep.parameters(), first.cells().size(), first.replicates());
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(sweep.parameters());
        header.add("cell");
        header.addAll(SHOWN);
        header.add("expectations");
        rows.add(header);
        boolean all = true;
        for (SweepRunner.PointResult result : results) {
            var r = result.result();
            long failed = r.expectations().stream().filter(e -> !e.passed()).count();
            all &= failed == 0;
            for (String cell : r.summary().keySet()) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(result.point().index())));
                sweep.parameters().forEach(p -> row.add(result.point().values().get(p)));
                row.add(cell);
                for (String metric : SHOWN) {
                    Interval interval = r.summary().get(cell).get(metric);
                    row.add(SummaryTable.format(interval));
                }
                row.add(r.expectations().isEmpty() ? "-" : failed == 0 ? "all hold" : failed + " failed");
                rows.add(row);
            }
        }
        SummaryTable.printAligned(rows, out);
        for (SweepRunner.PointResult result : results) {
            result.result().expectations().stream().filter(e -> !e.passed()).forEach(e -> out.printf("  FAIL  point %d: %s: %s%n",
                    result.point().index(), e.expectation().text(), e.detail()));
        }
        return all;
    }
}

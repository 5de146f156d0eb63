package dev.loopsim.cli;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim report RUN_DIR}: the run's HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN_DIR/report.html: one self-contained page (it opens offline) with the daily metric curves "
                + "per cell and their intervals, cumulative regret, genre shares over time, the metrics, expectations, "
                + "A/B effects and off-policy estimates; for a sweep, each metric against each parameter. 'loopsim run' "
                + "writes it too.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A complete run directory.")
    Path run;

    @Override
    public Integer call() throws IOException {
        BadInputException.completeRun(run);
        int charts = write(run);
        var out = spec.commandLine().getOut();
        out.printf("%s: %d chart(s)%n", run.resolve("report.html"), charts);
        out.flush();
        return ExitCodes.OK;
    }

    /** The report after a run: the run's results stand without it, so a failure is a warning. */
    static void writeQuietly(Path run, java.io.PrintWriter err) {
        try {
            write(run);
        } catch (IOException | RuntimeException e) {
            err.println("loopsim: warning: report.html not written (" + e.getMessage() + "); the run is complete, "
                    + "try 'loopsim report " + run + "'");
            err.flush();
        }
    }

    /** Writes the report of a run directory, and of a sweep's points; returns the top page's chart count. */
    static int write(Path run) throws IOException {
        Path points = run.resolve("points");
        if (Files.isDirectory(points)) {
            try (Stream<Path> each = Files.list(points)) {
                for (Path point : each.sorted().toList()) {
                    AtomicFiles.writeString(point.resolve("report.html"), RunReport.of(point));
                }
            }
        }
        String page = RunReport.of(run);
        AtomicFiles.writeString(run.resolve("report.html"), page);
        return RunReport.charts(page);
    }
}

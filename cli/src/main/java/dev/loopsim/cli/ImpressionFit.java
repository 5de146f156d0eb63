package dev.loopsim.cli;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.ope.BanditLog;
import dev.loopsim.results.stats.Binomial;
import dev.loopsim.scenarios.fit.ClickLogs;
import dev.loopsim.scenarios.fit.ResponseModelFile;
import dev.loopsim.scenarios.run.RunWriter;
import dev.loopsim.users.fit.ClickLog;
import dev.loopsim.users.fit.ClickReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code loopsim fit --impressions LOG}: the click model, its figures printed and its file written. */
record ImpressionFit(Path impressions, String cell, int replicate, double holdoutShare, int pageRows, boolean weighted, Path out,
                     boolean force) {

    int run(PrintWriter stdout) throws IOException {
        if (!(holdoutShare >= 0 && holdoutShare < 1)) {
            throw new BadInputException("--holdout-share must be in [0, 1), found " + holdoutShare);
        }
        if (pageRows < 1) {
            throw new BadInputException("--page-rows must be at least 1, found " + pageRows);
        }
        if (replicate < 0) {
            throw new BadInputException("--replicate must be >= 0, found " + replicate);
        }
        Outputs.refuseToOverwrite(out, "--out", force, impressions);
        ClickLog read = ClickLogs.of(BanditLog.read(impressions, cell, replicate));
        ClickLog log = weighted ? read : read.unweighted();
        if (log.slots() % pageRows != 0) {
            throw new BadInputException("--page-rows " + pageRows + " does not divide the log's " + log.slots() + " slots");
        }
        ClickReport report = ClickReport.of(log, holdoutShare);
        print(report, stdout);
        List<String> header = List.of("Response model fitted by 'loopsim fit --impressions' (loopsim " + RunWriter.version() + ") from "
                        + log.source(),
                "Include it in a scenario with world: {response_model: PATH}, PATH being this file's path without .yaml:",
                "the scenario's catalog becomes the log's items, its members the log's contexts, its page the log's slots.");
        // A loopsim log also says how much of each play was watched: fit that too, so the fitted world watches alike.
        java.nio.file.Path located = dev.loopsim.results.ope.LoopsimLog.locate(impressions);
        var watching = located != null && dev.loopsim.results.ope.LoopsimLog.isImpressions(located)
                ? ClickLogs.watching(report, dev.loopsim.results.ope.LoopsimLog.plays(located, cell, replicate)) : null;
        if (watching != null) {
            stdout.printf(Locale.ROOT, "watching: %,d plays, mean watch fraction %.3f; watch_offset %.4f ± %.4f, "
                            + "watch_concentration %.3f ± %.3f (Beta, mean σ(offset + attraction logit))%n", watching.plays(),
                    watching.meanWatch(), watching.offset(), watching.offsetSe(), watching.concentration(),
                    watching.concentrationSe());
        }
        AtomicFiles.writeString(out, ResponseModelFile.yaml(report, watching, pageRows, header));
        stdout.println("wrote " + out);
        stdout.flush();
        return ExitCodes.OK;
    }

    static void print(ClickReport report, PrintWriter out) {
        ClickLog log = report.log();
        out.printf(Locale.ROOT, "%s: %,d impressions, %,d clicks (%.4f), %d items, %d slots, %d contexts; %s%n", log.source(),
                log.rows(), log.clicks(), (double) log.clicks() / log.rows(), log.items().size(), log.slots(), log.contexts().size(),
                log.inversePropensityWeighted() ? "weighted by inverse propensity" : log.uniformLogging() ? "uniform logging"
                        : "not weighted (--weighting none)");
        out.printf(Locale.ROOT, "position-based click model: Pr(click) = θ_slot · σ(μ + item + context); item and context effects "
                + "~ N(0, %.3g²), chosen by 5-fold cross-validation%n", report.model().priorSd());
        if (dev.loopsim.users.fit.ClickModelFitter.narrowestPrior(report.model())) {
            out.println("note: cross-validation chose the narrowest prior tried: this log cannot tell its items or contexts apart, "
                    + "and the model gives them all nearly one attraction");
        }
        out.printf(Locale.ROOT, "%-40s %12s %12s%n", "parameter", "estimate", "std. error");
        var estimates = ResponseModelFile.estimates(report);
        int shown = 0;
        for (var e : estimates) {
            if (e.name().startsWith("item_") && shown++ >= 8) {
                continue;
            }
            out.printf(Locale.ROOT, "%-40s %12.4f %12.4f%n", abbreviated(e.name()), e.value(), e.standardError());
        }
        if (shown > 8) {
            out.printf(Locale.ROOT, "(%d more items in the file)%n", shown - 8);
        }
        double[] theta = ResponseModelFile.examination(report.model());
        StringBuilder line = new StringBuilder("examination by slot (largest 1):");
        for (double t : theta) {
            line.append(String.format(Locale.ROOT, " %.3f", t));
        }
        out.println(line);
        var h = report.heldOut();
        if (h == null) {
            return;
        }
        out.printf(Locale.ROOT, "held out: the last %.0f%% of rows (%,d impressions, %,d clicks), model refitted on the rest%n",
                100 * h.share(), h.impressions(), h.clicks());
        out.printf(Locale.ROOT, "%-24s %14s %14s%n", "", "click model", "per-slot rate");
        out.printf(Locale.ROOT, "%-24s %14.5f %14.5f%n", "log-likelihood / impr.", h.logLikelihood(), h.baselineLogLikelihood());
        out.printf(Locale.ROOT, "calibration: observed click rate [exact 95%% interval] against each mean prediction%n");
        out.printf(Locale.ROOT, "%-12s %8s %7s %26s %12s %14s%n", "group", "impr.", "clicks", "observed", "click model", "per-slot rate");
        for (var groups : List.of(h.bySlot(), h.byDecile())) {
            for (ClickReport.Group g : groups) {
                double[] ci = interval(g.clicks(), g.impressions());
                out.printf(Locale.ROOT, "%-12s %8d %7d %9.4f [%.4f, %.4f] %12.4f %14.4f%n", g.label(), g.impressions(), g.clicks(),
                        g.observed(), ci[0], ci[1], g.predicted(), g.baseline());
            }
        }
        if (h.clicks() < 100) {
            out.printf(Locale.ROOT, "note: %d held-out clicks are few; the groups' intervals say how little they can tell apart%n",
                    h.clicks());
        }
    }

    private static String abbreviated(String name) {
        return name.length() <= 40 ? name : name.substring(0, 37) + "...";
    }

    /** The exact (Clopper–Pearson) 95% interval of a click rate. */
    static double[] interval(int clicks, int impressions) {
        return impressions == 0 ? new double[] {0, 1} : new double[] {Binomial.lowerBound(clicks, impressions, 0.975),
                Binomial.upperBound(clicks, impressions, 0.975)};
    }
}

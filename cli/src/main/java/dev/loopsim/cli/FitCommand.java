package dev.loopsim.cli;

import dev.loopsim.core.ParameterException;
import dev.loopsim.results.chart.QqChart;
import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.io.Csv;
import dev.loopsim.scenarios.fit.VisitModelFile;
import dev.loopsim.scenarios.run.RunWriter;
import dev.loopsim.scenarios.spec.Days;
import dev.loopsim.users.fit.Estimate;
import dev.loopsim.users.fit.EventLogFormat;
import dev.loopsim.users.fit.EventLogReader;
import dev.loopsim.users.fit.FitOptions;
import dev.loopsim.users.fit.FitReport;
import dev.loopsim.users.fit.Holdout;
import dev.loopsim.users.fit.VisitLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loopsim fit --events FILE}: fit the visit model to an event log and judge the fit;
 * {@code loopsim fit --impressions LOG}: fit the response (a click model) to an impression log.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"--events: fit the self-exciting visit model to an event log by maximum likelihood, report estimates "
                + "with standard errors and goodness of fit (time rescaling, held-out visits, against a per-member Poisson "
                + "baseline), and write a visit_model block that a scenario takes with 'world: {visit_model: FILE}'. "
                + "Besides FILE it writes FILE's stem + .qq.csv/.qq.png (time-rescaling QQ plot) and .members.csv.",
                "--impressions: fit a position-based click model (examination by slot × attraction by item and context) "
                + "to an impression log (the Open Bandit Dataset's format, or a loopsim run's impressions), weighted by "
                + "inverse propensities where logging was not uniform; report standard errors, held-out log-likelihood and "
                + "calibration against a per-slot click rate; and write a response_model block that a scenario takes with "
                + "'world: {response_model: FILE}', the log's items and contexts included."})
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "FILE",
            description = "Event log, CSV with a header: a member id, a timestamp (epoch seconds or ISO-8601), optionally a reward.")
    Path events;

    @Option(names = "--impressions", paramLabel = "LOG",
            description = "Impression log: an Open Bandit Dataset file or folder (item_id, position, click, propensity_score, "
                    + "user_feature_0), or a loopsim run directory, logs folder or impressions file.")
    Path impressions;

    @Option(names = "--cell", paramLabel = "NAME", description = "With --impressions on a loopsim log: the cell (needed when it holds several).")
    String cell;

    @Option(names = "--replicate", paramLabel = "N", defaultValue = "0",
            description = "With --impressions on a loopsim log: the replicate (default: ${DEFAULT-VALUE}).")
    int replicate;

    @Option(names = "--holdout-share", paramLabel = "S", defaultValue = "0.2",
            description = "With --impressions: refit on the first 1 − S of the rows and judge on the rest (default: ${DEFAULT-VALUE}; 0 for none).")
    double holdoutShare;

    /** How --impressions weighs its rows. */
    enum Weighting { INVERSE_PROPENSITY, NONE }

    @Option(names = "--weighting", paramLabel = "W", defaultValue = "inverse-propensity",
            description = "With --impressions: inverse-propensity (rows weigh 1/propensity where logging was not uniform) "
                    + "or none (default: ${DEFAULT-VALUE}).")
    String weighting;

    @Option(names = "--page-rows", paramLabel = "N", defaultValue = "1",
            description = "With --impressions: the rows the log's slots fill, in reading order (default: ${DEFAULT-VALUE}).")
    int pageRows;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the fitted model (default: visit-model.yaml, or response-model.yaml with --impressions).")
    Path out;

    @Option(names = "--session-gap", paramLabel = "DURATION", defaultValue = "30m",
            description = "A silence longer than this starts a new visit, e.g. 30m, 2h, 0 (default: ${DEFAULT-VALUE}).")
    String sessionGap;

    @Option(names = "--force", description = "Replace output files that exist already (never the input log).")
    boolean force;

    @Option(names = "--holdout-days", paramLabel = "DAYS", defaultValue = "0",
            description = "Refit on all but the log's last DAYS days and predict the visits in them (default: no holdout).")
    double holdoutDays;

    @Option(names = "--member-column", paramLabel = "NAME", description = "Member id column (default: member, user_id, userId, ...).")
    String memberColumn;

    @Option(names = "--time-column", paramLabel = "NAME", description = "Timestamp column (default: timestamp, time, ts or day).")
    String timeColumn;

    @Option(names = "--reward-column", paramLabel = "NAME", description = "Reward column (default: reward or rating, if present).")
    String rewardColumn;

    @Option(names = "--no-rewards", description = "Ignore rewards: every visit has satisfaction 1.")
    boolean noRewards;

    @Option(names = "--reward-scale", paramLabel = "X", defaultValue = "1",
            description = "A visit's satisfaction is X times its mean reward (default: ${DEFAULT-VALUE}); e.g. 0.2 for 5-star ratings.")
    double rewardScale;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "seconds",
            description = "Unit of numeric timestamps: seconds or milliseconds since 1970, or days (default: ${DEFAULT-VALUE}).")
    String timeUnit;

    @Option(names = "--form", paramLabel = "FORM", defaultValue = "self-exciting",
            description = "The intensity to fit: self-exciting (see the README, world.visits) or additive (Accordion's) (default: ${DEFAULT-VALUE}).")
    String form;

    @Option(names = "--window", paramLabel = "W", defaultValue = "10",
            description = "Recent visits whose excitation counts (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--genre-column", paramLabel = "NAME",
            description = "With --events, self-exciting form: the column naming the genre of what each event played (a loopsim "
                    + "visits log's is genre); each genre of at least --min-genre-visits visits gets its own excitation.")
    String genreColumn;

    @Option(names = "--min-genre-visits", paramLabel = "N", defaultValue = "30",
            description = "With --genre-column: genres of fewer visits share the excitation of visits without a play "
                    + "(default: ${DEFAULT-VALUE}).")
    long minGenreVisits;

    @Option(names = "--no-excitation", description = "Fit no excitation (visits do not raise the rate of later ones).")
    boolean noExcitation;

    @Option(names = "--no-daily", description = "Fit no daily seasonality.")
    boolean noDaily;

    @Option(names = "--no-weekly", description = "Fit no weekly seasonality.")
    boolean noWeekly;

    /** What {@code --churn} fits: members stay to the log's end, or leave unseen at a hazard. */
    enum Churn { NONE, HAZARD }

    @Option(names = "--churn", paramLabel = "RULE", defaultValue = "none",
            description = "With --events: none (members stay to the end of the log), or hazard: fit a rate of leaving unseen "
                    + "that recent satisfaction may lower, as world.churn.type: hazard simulates (default: ${DEFAULT-VALUE}).")
    String churn;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the simulations that predict held-out counts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if ((events == null) == (impressions == null)) {
            throw new BadInputException("give one of --events FILE (fit the visit model) or --impressions LOG (fit the response)");
        }
        if (impressions != null) {
            out = out != null ? out : Path.of("response-model.yaml");
            Weighting rows = choice(Weighting.class, "--weighting", weighting);
            return new ImpressionFit(impressions, cell, replicate, holdoutShare, pageRows, rows == Weighting.INVERSE_PROPENSITY, out,
                    force)
                    .run(spec.commandLine().getOut());
        }
        out = out != null ? out : Path.of("visit-model.yaml");
        EventLogFormat format = format();
        FitOptions.Form fitForm = java.util.Arrays.stream(FitOptions.Form.values()).filter(f -> f.type().equals(form)).findFirst()
                .orElseThrow(() -> new BadInputException("--form must be self-exciting or additive, found '" + form + "'"));
        Churn leaving = choice(Churn.class, "--churn", churn);
        FitOptions options;
        try {
            options = new FitOptions(fitForm, window, !noExcitation, !noDaily, !noWeekly, leaving == Churn.HAZARD);
        } catch (ParameterException e) {
            throw new BadInputException("--window must be at least 1, found " + window);
        }
        if (!(holdoutDays >= 0) || Double.isInfinite(holdoutDays)) {
            throw new BadInputException("--holdout-days must be a number of days >= 0, found " + holdoutDays);
        }
        if (genreColumn != null && fitForm != FitOptions.Form.SELF_EXCITING) {
            throw new BadInputException("--genre-column needs --form self-exciting (the additive form has no excitation by genre)");
        }
        if (minGenreVisits < 1) {
            throw new BadInputException("--min-genre-visits must be at least 1, found " + minGenreVisits);
        }
        refuseToOverwrite();
        VisitLog log = EventLogReader.read(events, format);
        PrintWriter stdout = spec.commandLine().getOut();
        if (genreColumn != null) {
            List<String> excited = log.genresWithAtLeast(minGenreVisits);
            options = options.withGenres(excited);
            List<String> pooled = log.genres().stream().filter(g -> !excited.contains(g)).toList();
            stdout.printf(Locale.ROOT, "excitation by genre: %d genres of at least %d visits%s%n", excited.size(),
                    minGenreVisits, pooled.isEmpty() ? "" : "; " + pooled + " share the excitation of visits without a play");
        }
        FitReport report = FitReport.of(log, options, holdoutDays, seed);
        print(report, stdout);
        writeFiles(report, stdout);
        stdout.flush();
        return ExitCodes.OK;
    }

    /** An option's value from a closed set, by its kebab-case name. */
    private static <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
        return dev.loopsim.core.Keys.find(type, value).orElseThrow(() -> new BadInputException(
                option + " must be one of " + String.join(", ", dev.loopsim.core.Keys.all(type)) + ", found '" + value + "'"));
    }

    private EventLogFormat format() {
        double gap;
        try {
            gap = Days.parse(sessionGap).value();
        } catch (ParameterException e) {
            throw new BadInputException("--session-gap: " + e.getMessage());
        }
        EventLogFormat.TimeUnit unit = switch (timeUnit.toLowerCase(Locale.ROOT)) {
            case "s", "seconds" -> EventLogFormat.TimeUnit.SECONDS;
            case "ms", "milliseconds" -> EventLogFormat.TimeUnit.MILLISECONDS;
            case "d", "days" -> EventLogFormat.TimeUnit.DAYS;
            default -> throw new BadInputException("--time-unit must be seconds, milliseconds or days, found '" + timeUnit + "'");
        };
        if (!Double.isFinite(rewardScale)) {
            throw new BadInputException("--reward-scale must be a finite number, found " + rewardScale);
        }
        return new EventLogFormat(memberColumn, timeColumn, noRewards ? null : rewardColumn, unit, gap, rewardScale,
                !noRewards, genreColumn);
    }

    private static void print(FitReport report, PrintWriter out) {
        VisitLog log = report.log();
        out.printf(Locale.ROOT, "%s: %,d events, %,d members, %,d visits; day 0 = %s (a Monday), observed to day %.1f%n",
                log.source(), log.events(), log.members().size(), log.visits(), log.origin(), log.endDay());
        out.printf(Locale.ROOT, "%s visit model%n", report.fit().options().form().type());
        out.printf(Locale.ROOT, "%-24s %12s %16s  %s%n", "parameter", "estimate", "std. error", "unit");
        for (Estimate e : report.fit().estimates()) {
            out.printf(Locale.ROOT, "%-24s %12.5g %16s  %s%n", e.name(), e.value(), e.hasStandardError()
                    ? String.format(Locale.ROOT, "%.3g", e.standardError()) : "(" + e.status().label() + ")", e.unit());
        }
        if (!report.fit().fullyIdentified()) {
            out.println("warning: this log does not identify every parameter (the likelihood is flat along it at the "
                    + "optimum, e.g. a term near 0 or the seasonality of one); consider --no-daily, --no-weekly or the other --form");
        }
        out.printf(Locale.ROOT, "%-34s %16s %16s%n", "goodness of fit", "visit model", "Poisson baseline");
        out.printf(Locale.ROOT, "%-34s %16.1f %16.1f%n", "log-likelihood", report.fit().logLikelihood(),
                report.baseline().logLikelihood());
        out.printf(Locale.ROOT, "%-34s %16.4f %16.4f%n", "time-rescaling KS statistic", report.rescaling().ksStatistic(),
                report.baselineRescaling().ksStatistic());
        out.printf(Locale.ROOT, "%-34s %16.4f%n", "  (5% critical value)", report.rescaling().criticalValue());
        out.printf(Locale.ROOT, "%-34s %16.3g %16.3g%n", "  p-value (predictive rescaling)", report.rescaling().ksPValue(),
                report.baselineRescaling().ksPValue());
        Holdout h = report.holdout();
        Holdout b = report.baselineHoldout();
        if (h != null) {
            out.printf(Locale.ROOT, "held out: the last %.4g days (%,d visits of %,d members; %,d members first seen there left out)%n",
                    h.endDay() - h.splitDay(), h.heldOutVisits(), h.members(), h.newMembers());
            out.printf(Locale.ROOT, "%-34s %16.4f %16.4f%n", "  log-likelihood per visit",
                    h.logLikelihood() / Math.max(1, h.heldOutVisits()), b.logLikelihood() / Math.max(1, b.heldOutVisits()));
            out.printf(Locale.ROOT, "%-34s %16.1f %16.1f%n", "  predicted visits (actual " + h.heldOutVisits() + ")",
                    h.predictedTotal(), b.predictedTotal());
            out.printf(Locale.ROOT, "%-34s %16.3f %16.3f%n", "  per-member count MAE", h.countMae(), b.countMae());
            out.printf(Locale.ROOT, "%-34s %16.3f %16.3f%n", "  per-member count RMSE", h.countRmse(), b.countRmse());
        }
    }

    /** The fitted file and its three diagnostics beside it. */
    private List<Path> outputs() {
        String stem = out.toString().replaceFirst("\\.ya?ml$", "");
        return List.of(out, Path.of(stem + ".qq.csv"), Path.of(stem + ".qq.png"), Path.of(stem + ".members.csv"));
    }

    /** Checked before the fit, so a mistake costs nothing: no input is ever replaced, an existing output only with --force. */
    private void refuseToOverwrite() throws IOException {
        for (Path output : outputs()) {
            Outputs.refuseToOverwrite(output, "--out", force, events);
        }
    }

    private void writeFiles(FitReport report, PrintWriter stdout) throws IOException {
        List<Path> outputs = outputs();
        Path qqCsv = outputs.get(1);
        Path qqPng = outputs.get(2);
        Path members = outputs.get(3);
        List<String> header = List.of("Visit model fitted by 'loopsim fit' (loopsim " + RunWriter.version() + ") from "
                        + report.log().source(),
                "Include it in a scenario with world: {visit_model: PATH}, PATH being this file's path without .yaml",
                "Day 0 of a run is taken to be a Monday 00:00 UTC (weekly_peak_day 0 = Monday).",
                "Diagnostics: " + qqPng.getFileName() + " (time-rescaling QQ plot), " + members.getFileName() + " (members' rates)");
        AtomicFiles.writeString(out, VisitModelFile.yaml(report, header));
        double[][] model = report.rescaling().quantiles(200);
        double[][] baseline = report.baselineRescaling().quantiles(200);
        Csv qq = new Csv(List.of("probability", "exp1_quantile", "model_quantile", "poisson_baseline_quantile"));
        for (int i = 0; i < model.length; i++) {
            qq.row((i + 0.5) / model.length, model[i][0], model[i][1], baseline[Math.min(i, baseline.length - 1)][1]);
        }
        AtomicFiles.writeString(qqCsv, qq.toString());
        Csv rates = new Csv(List.of("member", "visits", "visits_per_week", "poisson_visits_per_week"));
        for (int u = 0; u < report.log().members().size(); u++) {
            rates.row(report.log().members().get(u).id(), report.log().members().get(u).visits(),
                    7 * report.fit().memberRates()[u], 7 * report.baseline().memberRates()[u]);
        }
        AtomicFiles.writeString(members, rates.toString());
        String chart;
        try {
            AtomicFiles.write(qqPng, new QqChart("Time-rescaled gaps between visits vs Exp(1)", "Exp(1) quantile",
                    "rescaled gap quantile").sample("visit model", model).sample("Poisson baseline", baseline).png());
            chart = ", " + qqPng;
        } catch (IOException | RuntimeException | Error e) {
            chart = " (the QQ chart could not be drawn: " + e + "; its points are in " + qqCsv + ")";
        }
        stdout.println("wrote " + out + ", " + qqCsv + ", " + members + chart);
    }
}

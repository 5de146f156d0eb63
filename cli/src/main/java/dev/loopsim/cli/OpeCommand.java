package dev.loopsim.cli;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.ope.BanditLog;
import dev.loopsim.results.ope.Estimator;
import dev.loopsim.results.ope.Estimators;
import dev.loopsim.results.ope.OfflineEvaluation;
import dev.loopsim.results.ope.OpeEstimate;
import dev.loopsim.results.ope.TargetPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loopsim ope --logs PATH --target SPEC}: estimate target policies' value from a logged file. */
@Command(name = "ope", mixinStandardHelpOptions = true,
        description = {"Off-policy evaluation: estimate what target policies would have earned on a logged bandit file, "
                + "with every estimator, its 95%% interval and the importance weights' diagnostics. Reads loopsim's own "
                + "impression log (a run directory, its logs folder, or impressions.parquet / .csv: one cell and replicate) "
                + "and the Open Bandit Dataset's format (a CSV with item_id, position, click, propensity_score, "
                + "user_feature_0 and user-item_affinity_* columns, or its folder).",
                "The reward model (for dm, the dr family and the learned targets) never sees the rewards it is judged on: "
                        + "it is fitted on the first --train-share of the log and the estimates are made on the rest, or, with "
                        + "--train-share 0, every round is evaluated and the model cross-fitted (fitted on the even rounds for the "
                        + "odd ones and the other way round).",
                "A target that puts probability on actions the log never takes is refused by the weight-only estimators "
                        + "and marked unreliable by the model-based ones."})
final class OpeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--logs", required = true, paramLabel = "PATH",
            description = "A logged file, or a folder holding one (a loopsim run directory, or an Open Bandit Dataset folder).")
    Path logs;

    @Option(names = "--target", required = true, paramLabel = "SPEC",
            description = "A policy to evaluate (repeatable): " + TargetPolicy.SPECS + ".")
    List<String> targets;

    @Option(names = "--estimators", paramLabel = "NAMES", split = ",",
            description = "Estimators to use, comma-separated (default: all: ${DEFAULT-VALUE}).",
            defaultValue = "replay,ips,ips-clipped,snips,dm,dr,sndr,dr-os,switch-dr")
    List<String> estimators;

    @Option(names = "--train-share", paramLabel = "SHARE", defaultValue = "0.5",
            description = "Share of the log, from its start, for fitting the reward model; 0 evaluates every round with a "
                    + "cross-fitted model (default: ${DEFAULT-VALUE}).")
    double trainShare;

    @Option(names = "--clip", paramLabel = "LAMBDA", defaultValue = "10",
            description = "ips-clipped's cap on an importance weight (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--switch-threshold", paramLabel = "TAU", defaultValue = "10",
            description = "switch-dr's threshold: residuals of larger weights are left to the model (default: ${DEFAULT-VALUE}).")
    double switchThreshold;

    @Option(names = "--shrinkage", paramLabel = "LAMBDA", defaultValue = "100",
            description = "dr-os's lambda: a weight w counts lambda*w/(w^2 + lambda) (default: ${DEFAULT-VALUE}).")
    double shrinkage;

    @Option(names = "--cell", paramLabel = "NAME",
            description = "In a loopsim log with several cells, the cell whose impressions to evaluate.")
    String cell;

    @Option(names = "--replicate", paramLabel = "N", defaultValue = "0",
            description = "In a loopsim log, the replicate to evaluate (default: ${DEFAULT-VALUE}).")
    int replicate;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write every estimate at full precision, with its diagnostics: CSV, or JSON when FILE ends in .json.")
    Path out;

    @Option(names = "--force", description = "Replace --out if it exists (never the input log).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (out != null) {
            Outputs.refuseToOverwrite(out, "--out", force, logs);
        }
        Estimators.Settings settings;
        try {
            settings = new Estimators.Settings(clip, switchThreshold, shrinkage);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--clip, --switch-threshold and --shrinkage must be > 0, found " + clip + ", "
                    + switchThreshold + ", " + shrinkage);
        }
        List<Estimator> chosen = new ArrayList<>();
        for (String name : estimators) {
            chosen.add(Estimators.find(name.trim(), settings).orElseThrow(() -> new BadInputException("unknown estimator '" + name
                    + "'; expected some of " + Estimators.names())));
        }
        if (!(trainShare >= 0 && trainShare < 1)) {
            throw new BadInputException("--train-share must be in [0, 1), found " + trainShare);
        }
        BanditLog log = BanditLog.read(logs, cell, replicate);
        OfflineEvaluation evaluation;
        try {
            evaluation = OfflineEvaluation.run(log, trainShare, targets, chosen);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--target " + e.getMessage());
        }
        print(evaluation, spec.commandLine().getOut());
        if (out != null) {
            AtomicFiles.writeString(out, out.toString().endsWith(".json") ? evaluation.json() : evaluation.csv());
        }
        return ExitCodes.OK;
    }

    private static void print(OfflineEvaluation evaluation, PrintWriter out) {
        BanditLog log = evaluation.log();
        out.printf(Locale.ROOT, "%s: %,d rounds, %d actions; %s%n", log.source(), log.rows().size(), log.actions(),
                evaluation.crossFitted() ? String.format(Locale.ROOT, "estimates on all %,d, the reward model cross-fitted "
                        + "(even rounds predict the odd and back)", evaluation.evalRows())
                        : String.format(Locale.ROOT, "reward model fitted on the first %,d, estimates on the last %,d",
                        evaluation.trainRows(), evaluation.evalRows()));
        out.printf(Locale.ROOT, "logging policy's own mean reward on those rounds: %.5f%n", evaluation.loggedValue());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("target", "estimator", "estimate", "95% interval", "interval", "rounds", "ess", "max weight", "unsupported",
                "status"));
        List<String> warnings = new ArrayList<>();
        for (OfflineEvaluation.Result r : evaluation.results()) {
            OpeEstimate e = r.estimate();
            OpeEstimate.Diagnostics d = e.diagnostics();
            rows.add(List.of(r.target(), e.estimator(), number(e.value()), Double.isNaN(e.lower()) ? "n/a"
                    : "[" + number(e.lower()) + ", " + number(e.upper()) + "]", e.interval(), Long.toString(e.rounds()),
                    String.format(Locale.ROOT, "%.1f", d.effectiveSampleSize()), String.format(Locale.ROOT, "%.4g", d.maxWeight()),
                    String.format(Locale.ROOT, "%.3g", d.unsupportedMass()), e.status().key()));
            if (!e.warning().isEmpty() && !warnings.contains(r.target() + ": " + e.warning())) {
                warnings.add(r.target() + ": " + e.warning());
            }
        }
        SummaryTable.printAligned(rows, out);
        out.println("  (ess: the weights' effective sample size (Σw)²/Σw²; unsupported: the target's mean probability on "
                + "actions the log never takes)");
        warnings.forEach(w -> out.println("  " + w));
        out.flush();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.5f", value);
    }
}

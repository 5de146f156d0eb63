package dev.loopsim.cli;

import dev.loopsim.results.ope.BanditLog;
import dev.loopsim.results.ope.Estimator;
import dev.loopsim.results.ope.Estimators;
import dev.loopsim.results.ope.OfflineEvaluation;
import dev.loopsim.results.ope.LoopsimLog;
import dev.loopsim.results.ope.OpenBanditDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loopsim ope --logs PATH --target SPEC}: estimate target policies' value from a logged file. */
@Command(name = "ope", mixinStandardHelpOptions = true,
        description = {"Off-policy evaluation: estimate what target policies would have earned on a logged bandit file, "
                + "with every estimator and its 95%% interval. Reads loopsim's own impression log (a run directory, its logs "
                + "folder, or impressions.parquet / .csv: one cell and replicate) and the Open Bandit Dataset's format "
                + "(a CSV with item_id, position, click, propensity_score, user_feature_0 and user-item_affinity_* columns, "
                + "or its folder).",
                "The log is split in time: a reward model (for dm, dr, switch-dr and the learned targets) is fitted on the "
                        + "first --train-share of it and the estimates are made on the rest."})
final class OpeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--logs", required = true, paramLabel = "PATH",
            description = "A logged file, or a folder holding one (a loopsim run directory, or an Open Bandit Dataset folder).")
    Path logs;

    @Option(names = "--target", required = true, paramLabel = "SPEC",
            description = "A policy to evaluate (repeatable): uniform, greedy-affinity, epsilon-greedy:E, item-greedy, contextual-greedy.")
    List<String> targets;

    @Option(names = "--estimators", paramLabel = "NAMES", split = ",",
            description = "Estimators to use, comma-separated (default: all: ${DEFAULT-VALUE}).",
            defaultValue = "replay,ips,snips,dm,dr,switch-dr")
    List<String> estimators;

    @Option(names = "--train-share", paramLabel = "SHARE", defaultValue = "0.5",
            description = "Share of the log, from its start, for fitting the reward model (default: ${DEFAULT-VALUE}).")
    double trainShare;

    @Option(names = "--cell", paramLabel = "NAME",
            description = "In a loopsim log with several cells, the cell whose impressions to evaluate.")
    String cell;

    @Option(names = "--replicate", paramLabel = "N", defaultValue = "0",
            description = "In a loopsim log, the replicate to evaluate (default: ${DEFAULT-VALUE}).")
    int replicate;

    @Override
    public Integer call() throws IOException {
        List<Estimator> chosen = new ArrayList<>();
        for (String name : estimators) {
            chosen.add(Estimators.find(name.trim()).orElseThrow(() -> new BadInputException("unknown estimator '" + name
                    + "'; expected some of " + Estimators.names())));
        }
        if (!(trainShare >= 0 && trainShare < 1)) {
            throw new BadInputException("--train-share must be in [0, 1), found " + trainShare);
        }
        Path loopsim = LoopsimLog.locate(logs);
        BanditLog log = loopsim != null && LoopsimLog.isImpressions(loopsim) ? LoopsimLog.read(loopsim, cell, replicate)
                : OpenBanditDataset.read(file(logs));
        OfflineEvaluation evaluation;
        try {
            evaluation = OfflineEvaluation.run(log, trainShare, targets, chosen);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--target " + e.getMessage());
        }
        print(evaluation, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The file itself, or the one log file in a folder (item_context.csv aside). */
    private static Path file(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return path;
        }
        try (Stream<Path> files = Files.list(path)) {
            List<Path> candidates = files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().equals("item_context.csv"))
                    .sorted().toList();
            if (candidates.size() != 1) {
                throw new BadInputException(path + ": expected one log file (besides item_context.csv) in the folder, found "
                        + candidates.stream().map(p -> p.getFileName().toString()).toList());
            }
            return candidates.get(0);
        }
    }

    private static void print(OfflineEvaluation evaluation, PrintWriter out) {
        BanditLog log = evaluation.log();
        out.printf(Locale.ROOT, "%s: %,d rounds, %d actions; reward model fitted on the first %,d, estimates on the last %,d%n",
                log.source(), log.rows().size(), log.actions(), evaluation.trainRows(), evaluation.evalRows());
        out.printf(Locale.ROOT, "logging policy's own mean reward on those rounds: %.5f%n", evaluation.loggedValue());
        out.printf(Locale.ROOT, "%-22s %-10s %10s   %-23s %8s%n", "target", "estimator", "estimate", "95% interval", "rounds");
        for (OfflineEvaluation.Result r : evaluation.results()) {
            var e = r.estimate();
            out.printf(Locale.ROOT, "%-22s %-10s %10.5f   [%9.5f, %9.5f] %8d%n", r.target(), e.estimator(), e.value(),
                    e.lower(), e.upper(), e.rounds());
        }
        out.flush();
    }
}

package dev.loopsim.cli;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.io.Json;
import dev.loopsim.scenarios.scorecard.Forecast;
import dev.loopsim.scenarios.scorecard.KnownTruthScorecard;
import dev.loopsim.scenarios.scorecard.ObdScorecard;
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

/** {@code loopsim scorecard}: how well the trained simulator predicts what another policy did. */
@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = {"The sim-to-real scorecard. On the Open Bandit Dataset sample (both arms of one real A/B test, "
                + "uniform random and Bernoulli Thompson sampling), train the click model on one arm's log and forecast the "
                + "other arm's click rate by simulating its policy in the fitted simulator, beside off-policy estimates "
                + "(IPS, SNIPS, DR) and the naive forecast (the training arm's own rate); each with its error and whether "
                + "its 95%% interval covers the observed rate.", "In loopsim worlds whose truth is known (stationary, with boredom, "
                + "with satisfaction-driven visits), fit the simulator on one cell's logs and predict every cell's take fraction "
                + "and 28-day retention. Prints both tables and writes them as JSON."})
final class ScorecardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/obd-sample",
            description = "The Open Bandit Dataset folder, with {random,bts}/{men,women} (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "scorecard.json",
            description = "Where to write the scorecard (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "2000",
            description = "Parameter draws behind the fitted simulator's prediction interval (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Option(names = "--members", paramLabel = "N", defaultValue = "1500",
            description = "Known truth: members of each loopsim world (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "3",
            description = "Known truth: replicates of each run, for the intervals (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Known truth: keep the training logs and fitted files here (default: a temporary folder, removed).")
    Path work;

    @Option(names = "--only", paramLabel = "PART", description = "Only one part: obd or known-truth.")
    String only;

    @Option(names = "--worlds", paramLabel = "NAME", split = ",",
            description = "Known truth: only these worlds (comma-separated; default: all of stationary, boredom, "
                    + "satisfaction-driven, leaving).")
    List<String> worlds;

    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption;

    @Override
    public Integer call() throws IOException {
        if (draws < 100) {
            throw new BadInputException("--draws must be at least 100 (a 95% interval from fewer is mostly noise), found " + draws);
        }
        if (!"known-truth".equals(only) && !Files.isDirectory(data)) {
            throw new BadInputException("--data " + data + " is not a folder; expected the Open Bandit Dataset sample, such as data/obd-sample");
        }
        if (only != null && !only.equals("obd") && !only.equals("known-truth")) {
            throw new BadInputException("--only must be obd or known-truth, found '" + only + "'");
        }
        if (members < 100 || replicates < 2) {
            throw new BadInputException("--members must be at least 100 and --replicates at least 2 (for intervals)");
        }
        List<KnownTruthScorecard.World> chosen = chosenWorlds();
        Outputs.refuseToOverwrite(out, "--out", force);
        PrintWriter stdout = spec.commandLine().getOut();
        List<ObdScorecard.Line> obd = List.of();
        if (!"known-truth".equals(only)) {
            obd = ObdScorecard.all(data, draws, seed);
            printObd(obd, stdout);
            stdout.flush();
        }
        List<KnownTruthScorecard.Line> truth = List.of();
        if (!"obd".equals(only)) {
            Path folder = work != null ? work : Files.createTempDirectory("loopsim-scorecard");
            try {
                truth = KnownTruthScorecard.all(chosen, members, replicates, seed, folder, threadsOption.resolve());
            } finally {
                if (work == null) {
                    AtomicFiles.deleteTree(folder);
                }
            }
            printKnownTruth(truth, members, replicates, stdout);
        }
        AtomicFiles.writeString(out, json(obd, truth));
        stdout.println("wrote " + out);
        stdout.flush();
        return ExitCodes.OK;
    }

    static void printObd(List<ObdScorecard.Line> lines, PrintWriter out) {
        out.println("Open Bandit Dataset sample: train on one arm's log, forecast the other arm's click rate (95% intervals)");
        out.printf(Locale.ROOT, "%-8s %-16s %-26s %9s %18s %9s  %s%n", "campaign", "train -> predict", "method", "estimate",
                "interval", "error", "verdict");
        for (ObdScorecard.Line line : lines) {
            String arms = line.trained() + " -> " + line.forecast();
            out.printf(Locale.ROOT, "%-8s %-16s %-26s %9.4f %18s %9s  %s%n", line.campaign(), arms,
                    "observed (" + line.clicks() + " clicks)", line.observed(),
                    interval(line.observedLower(), line.observedUpper()), "", "");
            for (Forecast f : line.forecasts()) {
                out.printf(Locale.ROOT, "%-8s %-16s %-26s %9.4f %18s %+9.4f  %s%n", "", "", f.method(), f.estimate(),
                        interval(f.lower(), f.upper()), f.error(), f.verdict());
            }
        }
        out.println("'too wide to tell from naive': the interval also holds the training arm's own rate, so it cannot say "
                + "whether the other policy did better or worse.");
    }

    /** The worlds --worlds names, in the scorecard's order, or all of them. */
    private List<KnownTruthScorecard.World> chosenWorlds() {
        List<String> names = KnownTruthScorecard.WORLDS.stream().map(KnownTruthScorecard.World::name).toList();
        if (worlds == null) {
            return KnownTruthScorecard.WORLDS;
        }
        for (String name : worlds) {
            if (!names.contains(name.strip())) {
                throw new BadInputException("--worlds must name worlds among " + String.join(", ", names) + ", found '" + name + "'");
            }
        }
        return KnownTruthScorecard.WORLDS.stream().filter(w -> worlds.stream().anyMatch(n -> n.strip().equals(w.name()))).toList();
    }

    static void printKnownTruth(List<KnownTruthScorecard.Line> lines, int members, int replicates, PrintWriter out) {
        out.printf(Locale.ROOT, "Known truth: %d loopsim worlds of each kind (%,d members, 60 titles, 84 days); in each, a simulator "
                + "is fitted on the random cell's logs and runs every cell. Means over the worlds, with 95%% intervals%n",
                replicates, members);
        out.printf(Locale.ROOT, "%-20s %-11s %-16s %8s %8s %29s  %s%n", "world", "cell", "metric", "truth", "fitted",
                "error (fitted - truth)", "");
        for (KnownTruthScorecard.Line line : lines) {
            var e = line.error();
            out.printf(Locale.ROOT, "%-20s %-11s %-16s %8.4f %8.4f %+9.4f [%+.4f, %+.4f]  %s%n", line.world(), line.cell(),
                    line.metric(), line.truth().mean(), line.predicted().mean(), e.mean(), e.lower(), e.upper(),
                    (line.trainedOn() ? "trained on this cell; " : "") + (e.lower() <= 0 && 0 <= e.upper() ? "no bias detected"
                            : "biased " + (e.mean() > 0 ? "up" : "down")));
        }
        for (KnownTruthScorecard.World world : KnownTruthScorecard.WORLDS) {
            if (lines.stream().anyMatch(line -> line.world().equals(world.name()))) {
                out.printf(Locale.ROOT, "  %s: %s%n", world.name(), world.description());
            }
        }
    }

    private static String interval(double lower, double upper) {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", lower, upper);
    }

    /** The scorecard as JSON; a figure that is not a number (a refused estimate's bounds) is null. */
    static String json(List<ObdScorecard.Line> obd, List<KnownTruthScorecard.Line> truth) {
        var root = Json.MAPPER.createObjectNode();
        var lines = root.putArray("open_bandit_dataset");
        for (ObdScorecard.Line line : obd) {
            var node = lines.addObject();
            node.put("campaign", line.campaign()).put("trained_on", line.trained()).put("forecast", line.forecast())
                    .put("rounds", line.rounds()).put("clicks", line.clicks());
            Json.number(node, "observed", line.observed());
            Json.number(node, "observed_lower", line.observedLower());
            Json.number(node, "observed_upper", line.observedUpper());
            Json.number(node, "trained_arm_rate", line.trainedRate());
            var forecasts = node.putArray("forecasts");
            for (Forecast f : line.forecasts()) {
                var one = forecasts.addObject().put("method", f.method());
                Json.number(one, "estimate", f.estimate());
                Json.number(one, "lower", f.lower());
                Json.number(one, "upper", f.upper());
                Json.number(one, "error", f.error());
                one.put("covers", f.covers()).put("too_wide_to_decide", f.undecided());
            }
        }
        var known = root.putArray("known_truth");
        for (KnownTruthScorecard.Line line : truth) {
            var one = known.addObject().put("world", line.world()).put("cell", line.cell()).put("trained_on", line.trainedOn())
                    .put("metric", line.metric()).put("worlds", line.error().n());
            for (var figure : List.of(java.util.Map.entry("truth", line.truth()), java.util.Map.entry("predicted", line.predicted()),
                    java.util.Map.entry("error", line.error()))) {
                Json.number(one, figure.getKey(), figure.getValue().mean());
                Json.number(one, figure.getKey() + "_lower", figure.getValue().lower());
                Json.number(one, figure.getKey() + "_upper", figure.getValue().upper());
            }
        }
        return Json.write(root) + "\n";
    }
}

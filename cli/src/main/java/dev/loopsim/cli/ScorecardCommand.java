package dev.loopsim.cli;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.scenarios.scorecard.Forecast;
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
                + "its 95% interval covers the observed rate. Prints the table and writes it as JSON."})
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

    @Override
    public Integer call() throws IOException {
        if (draws < 100) {
            throw new BadInputException("--draws must be at least 100 (a 95% interval from fewer is mostly noise), found " + draws);
        }
        if (!Files.isDirectory(data)) {
            throw new BadInputException("--data " + data + " is not a folder; expected the Open Bandit Dataset sample, such as data/obd-sample");
        }
        Outputs.refuseToOverwrite(out, "--out", force);
        List<ObdScorecard.Line> obd = ObdScorecard.all(data, draws, seed);
        PrintWriter stdout = spec.commandLine().getOut();
        printObd(obd, stdout);
        AtomicFiles.writeString(out, json(obd));
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

    private static String interval(double lower, double upper) {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", lower, upper);
    }

    static String json(List<ObdScorecard.Line> obd) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = mapper.createObjectNode();
        var lines = root.putArray("open_bandit_dataset");
        for (ObdScorecard.Line line : obd) {
            var node = lines.addObject();
            node.put("campaign", line.campaign()).put("trained_on", line.trained()).put("forecast", line.forecast())
                    .put("rounds", line.rounds()).put("clicks", line.clicks()).put("observed", line.observed())
                    .put("observed_lower", line.observedLower()).put("observed_upper", line.observedUpper())
                    .put("trained_arm_rate", line.trainedRate());
            var forecasts = node.putArray("forecasts");
            for (Forecast f : line.forecasts()) {
                forecasts.addObject().put("method", f.method()).put("estimate", f.estimate()).put("lower", f.lower())
                        .put("upper", f.upper()).put("error", f.error()).put("covers", f.covers())
                        .put("too_wide_to_decide", f.undecided());
            }
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}

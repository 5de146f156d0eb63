package dev.loopsim.cli;

import dev.loopsim.results.ope.BanditLog;
import dev.loopsim.results.ope.LoopsimLog;
import dev.loopsim.results.ope.OpenBanditDataset;
import dev.loopsim.results.ope.Transitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim export}: a run's logs for training or evaluating elsewhere. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's logs for use elsewhere. --format obd: one cell and replicate of the impression log "
                + "(logs: [impressions]) in the Open Bandit Dataset's CSV format (timestamp, item_id, position, click, "
                + "propensity_score, user_feature_0), which Open Bandit Pipeline and 'loopsim ope' read. --format transitions: "
                + "the observations log (logs: [observations]) as an offline-RL dataset, one transition per page visit "
                + "(observation, action, reward, next_observation, done), Parquet or CSV by the name of --out.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LOGS", description = "A run directory, its logs folder, or impressions.parquet / .csv.")
    Path logs;

    /** What to write. */
    enum Format { OBD, TRANSITIONS }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "OBD", converter = FormatConverter.class,
            description = "obd or transitions (default: obd).")
    Format format;

    @Option(names = "--quality-threshold", paramLabel = "OMEGA", defaultValue = "0.5",
            description = "transitions: a play watched to at least this fraction earns reward 1 (default: ${DEFAULT-VALUE}).")
    double qualityThreshold;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV to write.")
    Path out;

    @Option(names = "--cell", paramLabel = "NAME", description = "The cell to export, when the log holds several.")
    String cell;

    @Option(names = "--replicate", paramLabel = "N", defaultValue = "0", description = "The replicate (default: ${DEFAULT-VALUE}).")
    int replicate;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        // Writing into the run directory is fine (its logs stay as they are); onto one of its logs is not.
        Outputs.refuseToOverwrite(out, "--out", force, LoopsimLog.locate(logs), Transitions.locate(logs));
        if (format == Format.TRANSITIONS) {
            if (!(qualityThreshold >= 0 && qualityThreshold <= 1)) {
                throw new BadInputException("--quality-threshold must be in [0, 1], found " + qualityThreshold);
            }
            Path observations = Transitions.locate(logs);
            if (observations == null || !Files.exists(observations)) {
                throw new BadInputException(logs + " holds no observations log (observations.parquet or .csv); run the "
                        + "scenario with logs: [observations]");
            }
            long rows = Transitions.export(observations, out, qualityThreshold);
            spec.commandLine().getOut().printf("%,d transitions written to %s%n", rows, out);
            return ExitCodes.OK;
        }
        Path impressions = LoopsimLog.locate(logs);
        if (impressions == null || !LoopsimLog.isImpressions(impressions) || !Files.exists(impressions)) {
            throw new BadInputException(logs + " holds no impression log (impressions.parquet or .csv); run the scenario with "
                    + "logs: [impressions]");
        }
        BanditLog log = LoopsimLog.read(impressions, cell, replicate);
        OpenBanditDataset.write(log, out);
        spec.commandLine().getOut().printf("%,d rounds of %s written to %s%n", log.rows().size(), log.source(), out);
        return ExitCodes.OK;
    }

    /** obd or transitions, in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected obd or transitions, found '" + value + "'");
            }
        }
    }
}

package dev.loopsim.cli;

import dev.loopsim.results.ope.BanditLog;
import dev.loopsim.results.ope.LoopsimLog;
import dev.loopsim.results.ope.OpenBanditDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim export}: a run's impression log in the Open Bandit Dataset's format, to train or evaluate elsewhere. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write one cell and replicate of a run's impression log (logs: [impressions]) in the Open Bandit Dataset's "
                + "CSV format: timestamp, item_id, position, click, propensity_score and user_feature_0 (the context), which "
                + "Open Bandit Pipeline and 'loopsim ope' read.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LOGS", description = "A run directory, its logs folder, or impressions.parquet / .csv.")
    Path logs;

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
        Path impressions = LoopsimLog.locate(logs);
        if (impressions == null || !LoopsimLog.isImpressions(impressions) || !Files.exists(impressions)) {
            throw new BadInputException(logs + " holds no impression log (impressions.parquet or .csv); run the scenario with "
                    + "logs: [impressions]");
        }
        if (Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + " is a directory");
        }
        if (Files.exists(out) && !force) {
            throw new BadInputException(out + " exists already; choose another --out, or give --force to replace it");
        }
        BanditLog log = LoopsimLog.read(impressions, cell, replicate);
        OpenBanditDataset.write(log, out);
        spec.commandLine().getOut().printf("%,d rounds of %s written to %s%n", log.rows().size(), log.source(), out);
        return ExitCodes.OK;
    }
}

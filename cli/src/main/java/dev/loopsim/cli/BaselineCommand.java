package dev.loopsim.cli;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.rundir.Manifest;
import dev.loopsim.results.rundir.RunSummary;
import dev.loopsim.scenarios.load.Baseline;
import dev.loopsim.scenarios.load.BaselineInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loopsim baseline save RUN_DIR}: store a run's means as the scenario's baseline. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Baselines for regression checks: 'baseline save RUN_DIR' stores the run's mean of every cell's "
                + "metrics as NAME.baseline.yaml beside the scenario it ran, where expectations 'cell.metric within X of "
                + "baseline' (X or X%%) find it.")
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "save", description = "The action: save.")
    String action;

    @Parameters(index = "1", paramLabel = "RUN_DIR", description = "A complete run directory.")
    Path run;

    @Option(names = "--to", paramLabel = "FILE", description = "Where to write the baseline (default: beside the scenario).")
    Path to;

    @Option(names = "--force", description = "Replace an existing baseline (after a change you meant to make).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (!action.equals("save")) {
            throw new BadInputException("unknown action '" + action + "'; expected: baseline save RUN_DIR");
        }
        BadInputException.completeRun(run);
        Manifest manifest = Manifest.read(run);
        Path target = to != null ? to : defaultTarget(manifest);
        Outputs.refuseToOverwrite(target, to != null ? "--to" : "the baseline", force, run);
        Baseline baseline = Baseline.of(RunSummary.read(run), manifest, run.toString());
        AtomicFiles.writeString(target, baseline.toYaml());
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "baseline of %d metric(s) written to %s%n", baseline.means().size(), target);
        out.flush();
        return ExitCodes.OK;
    }

    /** Beside the scenario the run read; a bundled scenario's library only in a checkout of loopsim. */
    private static Path defaultTarget(Manifest manifest) {
        String origin = manifest.scenarioOrigin();
        if (origin == null || origin.isEmpty()) {
            throw new BadInputException("the run does not say which scenario file it ran; give --to FILE");
        }
        Path target = BaselineInclude.fileFor(origin);
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("the scenario's folder " + folder + " does not exist here (a bundled scenario's "
                    + "library is in a checkout of loopsim); give --to FILE");
        }
        return target;
    }
}

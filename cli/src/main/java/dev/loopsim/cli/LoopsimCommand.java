package dev.loopsim.cli;

import dev.loopsim.core.ParameterException;
import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.users.data.DataFileException;
import dev.loopsim.scenarios.run.RunWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code loopsim <subcommand>}. */
@Command(name = "loopsim", mixinStandardHelpOptions = true, versionProvider = LoopsimCommand.Version.class,
        description = "Long-term recommendation simulator: run policies against simulated members over months "
                + "of simulated time and see feedback loops before an A/B test.",
        subcommands = {RunCommand.class, CheckCommand.class, ValidateCommand.class, ListCommand.class, FitCommand.class, ScorecardCommand.class, OpeCommand.class,
                ExportCommand.class,
                BaselineCommand.class, ReportCommand.class, CompareCommand.class,
                BenchCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success: runs completed and expectations held", "1:a run failed or an expectation did not hold",
                "2:bad input: arguments, scenario file or output folder",
                "3:a policy service failed: did not start, timed out, crashed or broke the protocol"})
final class LoopsimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("loopsim: a command is needed, e.g. 'loopsim run quickstart'");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LoopsimCommand());
        // A policy service's own stderr (its prints, a traceback) is shown as it comes, marked as the service's.
        dev.loopsim.policies.remote.RemoteRanker.showServiceOutput(line -> System.err.println("policy: " + line));
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> explain(failure, line.getErr()));
        commandLine.setParameterExceptionHandler((failure, args) -> {
            CommandLine line = failure.getCommandLine();
            line.getErr().println("loopsim: " + failure.getMessage());
            line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        return commandLine;
    }

    /** One message for a failed command, and its exit code; a trace only with LOOPSIM_DEBUG=1. */
    static int explain(Exception failure, java.io.PrintWriter err) {
        if (failure instanceof ScenarioException || failure instanceof BadInputException
                || failure instanceof DataFileException || failure instanceof ParameterException
                || failure instanceof dev.loopsim.results.ope.OpeException) {
            err.println("loopsim: " + failure.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (failure instanceof dev.loopsim.policies.remote.RemotePolicyException) {
            err.println("loopsim: failed: " + failure.getMessage());
            return ExitCodes.POLICY_SERVICE;
        }
        err.println("loopsim: failed: " + dev.loopsim.core.Problems.quoted(failure.getMessage() == null ? failure.toString()
                : failure.getMessage()));
        if (isInternal(failure)) {
            err.println("This is a bug in loopsim, not in your input: a check that should have refused the scenario, or an "
                    + "invariant of the engine, failed. Please report it with the scenario, the command and what "
                    + "LOOPSIM_DEBUG=1 prints.");
        }
        if (System.getenv("LOOPSIM_DEBUG") != null) {
            failure.printStackTrace(err);
        } else if (!isInternal(failure)) {
            err.println("(set LOOPSIM_DEBUG=1 to see where)");
        }
        return ExitCodes.FAILED;
    }

    /**
     * A failure no user input should cause: a programming error anywhere, or a library refusing
     * the values loopsim gave it (a sampler's "beta is not strictly positive"). A failure that
     * loopsim's own code raises on purpose (an I/O error, a refused resume) is not one.
     */
    static boolean isInternal(Throwable failure) {
        Throwable inner = failure;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        if (inner instanceof java.io.IOException || inner instanceof java.io.UncheckedIOException) {
            return false;
        }
        if (inner instanceof NullPointerException || inner instanceof IndexOutOfBoundsException
                || inner instanceof ArithmeticException || inner instanceof ClassCastException || inner instanceof AssertionError) {
            return true;
        }
        StackTraceElement[] where = inner.getStackTrace();
        return where.length > 0 && !where[0].getClassName().startsWith("dev.loopsim.") && !where[0].getClassName().startsWith("java.");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"loopsim " + RunWriter.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }
}

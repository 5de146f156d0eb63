package dev.loopsim.cli;

import java.util.Locale;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        int code;
        try {
            code = LoopsimCommand.commandLine().execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            System.err.println("loopsim: " + explain(e));
            if (System.getenv("LOOPSIM_DEBUG") != null) {
                e.printStackTrace();
            }
            code = ExitCodes.FAILED;
        }
        System.exit(code);
    }

    /** What a JVM error means to the user, and what to do; the run directory's INCOMPLETE says the same. */
    static String explain(Error e) {
        if (e instanceof OutOfMemoryError) {
            long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return String.format(Locale.ROOT, "out of memory: the JVM's heap of %d MiB was not enough; give it more with "
                    + "LOOPSIM_JAVA_OPTS=-Xmx%dm, or make the scenario smaller ('loopsim validate' prints the estimated need)",
                    heap, 2 * heap);
        }
        return "a recursion went too deep (stack overflow). That is a bug in loopsim, not in the scenario: please report it "
                + "with the scenario and the trace LOOPSIM_DEBUG=1 prints";
    }
}

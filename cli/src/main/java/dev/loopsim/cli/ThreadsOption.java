package dev.loopsim.cli;

import picocli.CommandLine.Option;

/** --threads, checked. Results never depend on it; only speed does. */
final class ThreadsOption {
    /** Far past any machine's useful parallelism; beyond it a typo would start thousands of OS threads. */
    static final int MAX_THREADS = 256;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of cores). Results are identical for any value.")
    Integer threads;

    int resolve() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new BadInputException("--threads must be >= 1, found " + n);
        }
        if (n > MAX_THREADS) {
            throw new BadInputException("--threads must be at most " + MAX_THREADS + ", found " + n + " (this machine has "
                    + Runtime.getRuntime().availableProcessors() + " cores; threads beyond the cores do not make a run faster)");
        }
        return n;
    }
}

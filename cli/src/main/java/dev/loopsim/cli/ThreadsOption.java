package dev.loopsim.cli;

import picocli.CommandLine.Option;

/** --threads, checked. Results never depend on it; only speed does. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of cores). Results are identical for any value.")
    Integer threads;

    int resolve() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new BadInputException("--threads must be >= 1, found " + n);
        }
        return n;
    }
}

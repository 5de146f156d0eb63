package dev.loopsim.cli;

/** A problem with what the user asked for, reported in one line with exit code 2. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }

    /** The run directory, when it is complete: a command that reads a run's results needs one. */
    static java.nio.file.Path completeRun(java.nio.file.Path run) {
        if (!dev.loopsim.results.io.RunDirectory.isComplete(run) || !java.nio.file.Files.exists(run.resolve("summary.json"))) {
            throw new BadInputException(run + ": not a complete run directory (no summary, or marked INCOMPLETE)");
        }
        return run;
    }
}

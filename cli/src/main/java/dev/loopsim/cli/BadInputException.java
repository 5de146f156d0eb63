package dev.loopsim.cli;

/** A problem with what the user asked for, reported in one line with exit code 2. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}

package dev.loopsim.cli;

/** Exit codes scripts can rely on. */
final class ExitCodes {
    /** Everything ran and every expectation held. */
    static final int OK = 0;
    /** A run failed, or an expectation did not hold. */
    static final int FAILED = 1;
    /** Bad input: command-line arguments, a scenario file, an output folder. */
    static final int BAD_INPUT = 2;
    /** A policy service failed: it did not start, timed out, crashed or broke the protocol. */
    static final int POLICY_SERVICE = 3;

    private ExitCodes() { }
}

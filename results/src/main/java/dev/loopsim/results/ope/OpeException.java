package dev.loopsim.results.ope;

/** A log could not be read for off-policy evaluation: which file, which line (1-based, 0 if none), what was wrong. */
public final class OpeException extends RuntimeException {
    public OpeException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}

package dev.loopsim.users.data;

/** A data file could not be read: which file, which line (1-based, 0 if none) and what was wrong. */
public final class DataFileException extends RuntimeException {
    private final String file;
    private final long line;

    public DataFileException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The longest offending value a message quotes whole; a message must stay readable whatever the file holds. */
    public static final int MAX_QUOTED = 200;

    /** A value as a message quotes it: cut to {@value #MAX_QUOTED} characters, with its full length. */
    public static String quoted(String value) {
        return value.length() <= MAX_QUOTED ? value
                : value.substring(0, MAX_QUOTED) + "… (" + value.length() + " characters)";
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}

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

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}

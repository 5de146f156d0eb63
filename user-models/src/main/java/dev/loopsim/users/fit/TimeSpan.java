package dev.loopsim.users.fit;

import dev.loopsim.users.data.DataFileException;
import java.util.Locale;

/**
 * The earliest and latest event of a log, with where they are, so that a log whose times span
 * more than a century is refused by naming both ends: each time alone looked plausible, but one of
 * them is corrupt (a year typed 2109 for 2019, milliseconds read as seconds).
 */
final class TimeSpan {
    /** No service has a century of visit logs; a wider span means a corrupt time. */
    static final double MAX_SECONDS = 100 * 365.25 * 86_400;

    private final String name;
    private final boolean csv;
    private double first = Double.POSITIVE_INFINITY;
    private double last = Double.NEGATIVE_INFINITY;
    private long firstAt;
    private long lastAt;
    private String firstText = "";
    private String lastText = "";

    /** @param csv whether places are file lines (CSV) or row numbers (Parquet) */
    TimeSpan(String name, boolean csv) {
        this.name = name;
        this.csv = csv;
    }

    void add(double seconds, long at, String text) {
        if (seconds < first) {
            first = seconds;
            firstAt = at;
            firstText = text;
        }
        if (seconds > last) {
            last = seconds;
            lastAt = at;
            lastText = text;
        }
    }

    void check() {
        if (last - first > MAX_SECONDS) {
            throw new DataFileException(name, 0, String.format(Locale.ROOT, "the log's times span %,.0f years, from %s "
                    + "('%s') to %s ('%s'); expected at most 100 years of events: one of these times is probably corrupt",
                    (last - first) / (365.25 * 86_400), place(firstAt), dev.loopsim.core.Problems.quoted(firstText), place(lastAt),
                    dev.loopsim.core.Problems.quoted(lastText)));
        }
    }

    private String place(long at) {
        return (csv ? "line " : "row ") + at;
    }
}

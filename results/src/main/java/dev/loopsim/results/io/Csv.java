package dev.loopsim.results.io;

import java.util.List;

/** RFC 4180 CSV text: fields with commas, quotes or line breaks are quoted. */
public final class Csv {
    private final StringBuilder text = new StringBuilder();

    public Csv(List<String> header) {
        row(header.toArray());
    }

    public Csv row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields[i]));
        }
        text.append('\n');
        return this;
    }

    private static String field(Object value) {
        String s = value instanceof Double d ? number(d) : String.valueOf(value);
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Shortest round-trip form, the same on every platform; empty for NaN. */
    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

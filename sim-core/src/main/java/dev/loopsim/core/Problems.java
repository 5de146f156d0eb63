package dev.loopsim.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a library's exception says, fit for a user: its innermost message without Java class
 * names, and the line it names, if any (as Commons CSV's "(startline 2)" does).
 */
public final class Problems {
    private static final Pattern LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)\\s*");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+(?:\\.[a-z0-9_]+)+\\.[A-Z]\\w*:\\s*");

    /** The longest offending value a message quotes whole; a message must stay readable whatever the file holds. */
    public static final int MAX_QUOTED = 200;

    private Problems() { }

    /** A value as a message quotes it: cut to {@value #MAX_QUOTED} characters, with its full length. */
    public static String quoted(String value) {
        return value.length() <= MAX_QUOTED ? value
                : value.substring(0, MAX_QUOTED) + "… (" + value.length() + " characters)";
    }

    /** The innermost cause's message, without class names or the line marker; its class's simple name when it has none. */
    public static String message(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String message = inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
        return LINE.matcher(CLASS_NAME.matcher(message).replaceAll("")).replaceAll("").trim();
    }

    /** The line the exception (or a cause) names, 1-based; 0 when none does. */
    public static long line(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = LINE.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        return 0;
    }
}

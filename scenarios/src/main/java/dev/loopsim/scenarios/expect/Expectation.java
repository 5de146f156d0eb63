package dev.loopsim.scenarios.expect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "{@code A.metric > B.metric}": cell A's metric beats cell B's at the scenario's confidence
 * level, by a one-sided paired t-test over replicates (counterfactual cells share their
 * random numbers, so replicate r of A and of B are a pair). {@code <} states the reverse.
 *
 * @param text         the expectation as written
 * @param leftCell     A
 * @param leftMetric   A's metric
 * @param greater      true for {@code >}, false for {@code <}
 * @param rightCell    B
 * @param rightMetric  B's metric
 */
public record Expectation(String text, String leftCell, String leftMetric, boolean greater, String rightCell,
                          String rightMetric) {
    private static final String OPERAND = "\\s*([A-Za-z][A-Za-z0-9_-]*)\\.([a-z][a-z0-9_]*)\\s*";
    private static final Pattern FORM = Pattern.compile(OPERAND + "([<>])" + OPERAND);

    /** Parses an expectation, or throws with what the form should have been. */
    public static Expectation parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'cell.metric > cell.metric' (or '<'), found '" + text + "'");
        }
        return new Expectation(text.trim(), m.group(1), m.group(2), m.group(3).equals(">"), m.group(4), m.group(5));
    }
}

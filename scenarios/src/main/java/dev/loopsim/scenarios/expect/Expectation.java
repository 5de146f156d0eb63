package dev.loopsim.scenarios.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "{@code LEFT > RIGHT}" (or {@code <}) over replicates, tested by a one-sided paired t-test at
 * the scenario's confidence level: counterfactual cells share their random numbers, so
 * replicate r of every cell is one pair. Each side is a term or a ratio of two terms; a term is
 * {@code cell.metric} or a number. Examples:
 * <ul>
 *   <li>{@code oracle.take_fraction > random.take_fraction}</li>
 *   <li>{@code ucb1.regret_growth < 2.5}</li>
 *   <li>{@code closed.homogenization / oracle.homogenization > 1}</li>
 * </ul>
 *
 * @param text    the expectation as written
 * @param left    the left side
 * @param greater true for {@code >}, false for {@code <}
 * @param right   the right side
 */
public record Expectation(String text, Side left, boolean greater, Side right) {
    private static final String TERM = "([A-Za-z][A-Za-z0-9_-]*\\.[a-z][a-z0-9_]*|-?[0-9]+(?:\\.[0-9]+)?(?:[eE]-?[0-9]+)?)";
    private static final String SIDE = "\\s*" + TERM + "(?:\\s*/\\s*" + TERM + ")?\\s*";
    private static final Pattern FORM = Pattern.compile(SIDE + "([<>])" + SIDE);
    private static final String EXPECTED = "expected 'cell.metric > cell.metric' (or '<'); each side may be a number "
            + "or a ratio 'a / b' of such terms, e.g. 'ucb1.regret_growth < 2.5'";

    /** {@code cell.metric}: one cell's metric in a replicate. */
    public record Reference(String cell, String metric) { }

    /** A term: a reference, or a constant when {@code reference} is null. */
    public record Term(Reference reference, double constant) {
        static Term parse(String text) {
            int dot = text.indexOf('.');
            if (dot > 0 && Character.isLetter(text.charAt(0))) {
                return new Term(new Reference(text.substring(0, dot), text.substring(dot + 1)), Double.NaN);
            }
            return new Term(null, Double.parseDouble(text));
        }
    }

    /** A side: {@code numerator}, or {@code numerator / denominator}. */
    public record Side(Term numerator, Term denominator) {
        public List<Reference> references() {
            List<Reference> refs = new ArrayList<>();
            for (Term t : denominator == null ? List.of(numerator) : List.of(numerator, denominator)) {
                if (t.reference() != null) {
                    refs.add(t.reference());
                }
            }
            return refs;
        }
    }

    /** Parses an expectation, or throws with what the form should have been. */
    public static Expectation parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(EXPECTED + ", found '" + text + "'");
        }
        Side left = side(m.group(1), m.group(2));
        Side right = side(m.group(4), m.group(5));
        Expectation e = new Expectation(text.trim(), left, m.group(3).equals(">"), right);
        if (e.references().isEmpty()) {
            throw new IllegalArgumentException("expectation '" + text + "' compares numbers only; name at least one cell.metric");
        }
        return e;
    }

    private static Side side(String numerator, String denominator) {
        return new Side(Term.parse(numerator), denominator == null ? null : Term.parse(denominator));
    }

    /** Every cell.metric the expectation reads. */
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>(left.references());
        refs.addAll(right.references());
        return refs;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Expectation[%s]", text);
    }
}

package dev.loopsim.scenarios.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold of a scenario's results, in one of three forms:
 * <ul>
 *   <li>{@code LEFT > RIGHT} (or {@code <}) over replicates, tested by a one-sided paired t-test at
 *   the scenario's confidence level: counterfactual cells share their random numbers, so
 *   replicate r of every cell is one pair. Each side is a term or a ratio of two terms; a term is
 *   {@code cell.metric} or a number: {@code oracle.take_fraction > random.take_fraction},
 *   {@code ucb1.regret_growth < 2.5}, {@code closed.homogenization / oracle.homogenization > 1};</li>
 *   <li>{@code SIDE between A and B}: the mean over replicates lies in [A, B];</li>
 *   <li>{@code cell.metric within X of baseline} (or {@code X%}): the mean over replicates is within
 *   X (or X% of the baseline) of the scenario's stored baseline: a regression check.</li>
 * </ul>
 *
 * @param text      the expectation as written
 * @param left      the left side (the only side of a range or a baseline check)
 * @param kind      the form
 * @param right     the right side of a comparison; null otherwise
 * @param low       a range's lower end, or a baseline's tolerance
 * @param high      a range's upper end
 * @param relative  for a baseline check: whether the tolerance is a share of the baseline
 */
public record Expectation(String text, Side left, Kind kind, Side right, double low, double high, boolean relative) {

    /** The forms an expectation takes. */
    public enum Kind { GREATER, LESS, BETWEEN, BASELINE }

    private static final String NUMBER = "(-?[0-9]+(?:\\.[0-9]+)?(?:[eE]-?[0-9]+)?)";
    private static final Pattern BETWEEN = Pattern.compile("(.+?)\\s+between\\s+" + NUMBER + "\\s+and\\s+" + NUMBER + "\\s*");
    private static final Pattern WITHIN = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_-]*\\.[a-z][a-z0-9_]*)\\s+within\\s+"
            + NUMBER + "(%?)\\s+of\\s+baseline\\s*");

    /** Whether a comparison asks for LEFT > RIGHT. */
    public boolean greater() {
        return kind == Kind.GREATER;
    }

    /** A baseline check's tolerance. */
    public double tolerance() {
        return low;
    }
    private static final String TERM = "([A-Za-z][A-Za-z0-9_-]*\\.[a-z][a-z0-9_]*|-?[0-9]+(?:\\.[0-9]+)?(?:[eE]-?[0-9]+)?)";
    private static final String SIDE = "\\s*" + TERM + "(?:\\s*/\\s*" + TERM + ")?\\s*";
    private static final Pattern FORM = Pattern.compile(SIDE + "([<>])" + SIDE);
    private static final String EXPECTED = "expected 'cell.metric > cell.metric' (or '<'); each side may be a number "
            + "or a ratio 'a / b' of such terms, e.g. 'ucb1.regret_growth < 2.5'; or 'SIDE between A and B'; or "
            + "'cell.metric within X of baseline' (X may be a percentage, e.g. 2%)";

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
        String written = text == null ? "" : text;
        Matcher within = WITHIN.matcher(written);
        if (within.matches()) {
            double tolerance = Double.parseDouble(within.group(2));
            boolean relative = !within.group(3).isEmpty();
            return new Expectation(written.trim(), side(within.group(1), null), Kind.BASELINE, null,
                    relative ? tolerance / 100 : tolerance, Double.NaN, relative);
        }
        Matcher between = BETWEEN.matcher(written);
        if (between.matches()) {
            Matcher side = Pattern.compile(SIDE).matcher(between.group(1));
            double low = Double.parseDouble(between.group(2));
            double high = Double.parseDouble(between.group(3));
            if (!side.matches() || !(low <= high)) {
                throw new IllegalArgumentException(EXPECTED + ", found '" + text + "'" + (side.matches() ? " (A must not exceed B)" : ""));
            }
            Expectation e = new Expectation(written.trim(), side(side.group(1), side.group(2)), Kind.BETWEEN, null, low, high, false);
            requireReference(e, text);
            return e;
        }
        Matcher m = FORM.matcher(written);
        if (!m.matches()) {
            throw new IllegalArgumentException(EXPECTED + ", found '" + text + "'");
        }
        Side left = side(m.group(1), m.group(2));
        Side right = side(m.group(4), m.group(5));
        Expectation e = new Expectation(written.trim(), left, m.group(3).equals(">") ? Kind.GREATER : Kind.LESS, right,
                Double.NaN, Double.NaN, false);
        requireReference(e, text);
        return e;
    }

    private static void requireReference(Expectation e, String text) {
        if (e.references().isEmpty()) {
            throw new IllegalArgumentException("expectation '" + text + "' compares numbers only; name at least one cell.metric");
        }
    }

    private static Side side(String numerator, String denominator) {
        return new Side(Term.parse(numerator), denominator == null ? null : Term.parse(denominator));
    }

    /** Every cell.metric the expectation reads. */
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>(left.references());
        if (right != null) {
            refs.addAll(right.references());
        }
        return refs;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Expectation[%s]", text);
    }
}

package dev.loopsim.core;

/**
 * Checks for parameters that return the value and otherwise throw a
 * {@link ParameterException} saying name, rule and value found. NaN fails every rule.
 */
public final class Validate {
    private Validate() { }

    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw fail(name, "must be > 0 and finite", value);
        }
        return value;
    }

    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw fail(name, "must be >= 0 and finite", value);
        }
        return value;
    }

    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw fail(name, "must be a finite number", value);
        }
        return value;
    }

    /** value in [low, high]. */
    public static double inRange(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw fail(name, "must be in [" + format(low) + ", " + format(high) + "]", value);
        }
        return value;
    }

    /** value in [low, high). */
    public static double inHalfOpenRange(String name, double value, double low, double high) {
        if (!(value >= low && value < high)) {
            throw fail(name, "must be in [" + format(low) + ", " + format(high) + ")", value);
        }
        return value;
    }

    public static int atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new ParameterException(name, name + " must be >= " + minimum + ", found " + value);
        }
        return value;
    }

    private static ParameterException fail(String name, String rule, double value) {
        return new ParameterException(name, name + " " + rule + ", found " + format(value));
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}

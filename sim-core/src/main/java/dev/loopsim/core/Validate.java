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

    /** minimum ≤ value ≤ maximum, for a count a run must be able to honour; {@code why} says what the bound protects. */
    public static int between(String name, int value, int minimum, int maximum, String why) {
        atLeast(name, value, minimum);
        if (value > maximum) {
            throw new ParameterException(name, name + " must be at most " + maximum + " (" + why + "), found " + value);
        }
        return value;
    }

    /** value in [low, high], with what the bound protects. */
    public static double inRange(String name, double value, double low, double high, String why) {
        if (!(value >= low && value <= high)) {
            throw fail(name, "must be in [" + format(low) + ", " + format(high) + "] (" + why + ")", value);
        }
        return value;
    }

    private static ParameterException fail(String name, String rule, double value) {
        return new ParameterException(name, name + " " + rule + ", found " + format(value));
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        // Six significant digits: a bound such as 1/24 reads 0.0416667, not 0.041666666666666664.
        return Double.isFinite(value) ? new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toString() : Double.toString(value);
    }
}

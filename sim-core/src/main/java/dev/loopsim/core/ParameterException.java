package dev.loopsim.core;

/**
 * A parameter broke its rule. Carries the parameter's name so that a front end can point at
 * the exact place it came from (a YAML key, a command-line flag).
 */
public final class ParameterException extends IllegalArgumentException {
    private final String parameter;

    public ParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter's name as the Java code spells it, e.g. {@code decayDays}. */
    public String parameter() {
        return parameter;
    }
}

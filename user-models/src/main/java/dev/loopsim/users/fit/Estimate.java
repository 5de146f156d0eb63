package dev.loopsim.users.fit;

/**
 * A reported parameter: its YAML name, the estimate, its standard error, and how it was
 * obtained. The standard error is NaN unless the status is {@link Status#ESTIMATED}.
 */
public record Estimate(String name, double value, double standardError, String unit, Status status) {

    /** How an estimate came about. */
    public enum Status {
        /** An interior maximum with a standard error from the observed information. */
        ESTIMATED("estimated"),
        /** Held fixed by the options (e.g. --no-daily). */
        FIXED("fixed"),
        /** The maximum lies on the search's bound: no standard error (the usual asymptotics do not hold there). */
        AT_BOUND("at bound"),
        /** The observed information is not invertible: the log does not identify the parameter. */
        NOT_IDENTIFIED("not identified");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean fixed() {
        return status == Status.FIXED;
    }

    public boolean hasStandardError() {
        return status == Status.ESTIMATED;
    }
}

package dev.loopsim.results.ope;

/**
 * An estimate of a target policy's value with its 95% interval and what the log allowed.
 *
 * @param estimator   the estimator's name
 * @param value       the estimate; for rewards in [0, 1] kept in [0, 1], where the true value lies
 *                    (NaN when the log holds nothing it can use, or the estimate is refused)
 * @param raw         the estimator's own value before that, as Open Bandit Pipeline computes it
 * @param lower       the interval's lower end
 * @param upper       the interval's upper end
 * @param rounds      rounds the estimator used
 * @param interval    how the interval was made: {@link #CLOPPER_PEARSON}, {@link #EFFECTIVE_COUNT} or {@link #NORMAL}
 * @param diagnostics the importance weights' effective sample size, largest weight and the
 *                    target's mass the log cannot see
 * @param status      whether the estimate can be relied on
 * @param warning     why not, or what to watch; "" when nothing
 */
public record OpeEstimate(String estimator, double value, double raw, double lower, double upper, long rounds,
                          String interval, Diagnostics diagnostics, Status status, String warning) {

    /** Exact Clopper–Pearson, on the rounds where the target agrees with the log (replay). */
    public static final String CLOPPER_PEARSON = "clopper-pearson";
    /** Clopper–Pearson on the effective count of events and rounds (Korn and Graubard 1998). */
    public static final String EFFECTIVE_COUNT = "effective-count";
    /** mean ± 1.96·se, for rewards outside [0, 1], where no bounded interval applies. */
    public static final String NORMAL = "normal";

    /** How far an estimate can be relied on. */
    public enum Status {
        OK,
        /**
         * Computed, and its interval counts the few rounds it rests on, but the weights' effective
         * sample size is under a tenth of the rounds: a few heavy weights decide it.
         */
        LOW_OVERLAP,
        /** Computed, but biased by design here: a model stands in for data, or replay on a non-uniform log. */
        UNRELIABLE,
        /** Not computed: the estimator cannot see the target's behaviour in this log. */
        REFUSED;

        public String key() {
            return dev.loopsim.core.Keys.of(this);
        }
    }

    /**
     * What the importance weights w = π(a|x)/π₀(a|x) say of the overlap between target and log.
     *
     * @param effectiveSampleSize Kish's (Σw)²/Σw²: how many rounds of the target's own the log is worth
     * @param maxWeight           the largest weight
     * @param unsupportedMass     the target's mean probability on actions the logging policy never takes
     *                            (in that context): behaviour no weight can see
     * @param rounds              the rounds evaluated
     */
    public record Diagnostics(double effectiveSampleSize, double maxWeight, double unsupportedMass, int rounds) {
        public static final Diagnostics NONE = new Diagnostics(Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /** An estimate of nothing, with the reason. */
    public static OpeEstimate none(String estimator, Diagnostics diagnostics, Status status, String warning) {
        return new OpeEstimate(estimator, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "", diagnostics, status, warning);
    }

    /** An estimate's columns in every table of estimates (ope --out, a run's ope.csv), in the order of {@link #fields}. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("estimate", "raw_estimate", "lower", "upper",
            "interval", "rounds", "effective_sample_size", "max_weight", "unsupported_mass", "status", "warning");

    /** The values of {@link #COLUMNS}: numbers full precision, NaN where nothing was measured. */
    public java.util.List<Object> fields() {
        return java.util.List.of(value, raw, lower, upper, interval, rounds, diagnostics.effectiveSampleSize(),
                diagnostics.maxWeight(), diagnostics.unsupportedMass(), status.key(), warning);
    }

    public boolean covers(double truth) {
        return lower <= truth && truth <= upper;
    }
}

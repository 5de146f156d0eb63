package dev.loopsim.scenarios.spec;

import dev.loopsim.core.ParameterException;
import dev.loopsim.results.ope.Estimators;
import dev.loopsim.results.ope.SlateEstimators;
import java.util.List;

/**
 * Off-policy evaluation against the truth: the {@code logging} cell's run is logged, each
 * {@code targets} cell's value (plays per page visit) is estimated from those logs by every
 * estimator, and compared with the target's own on-policy run on the same world (common random
 * numbers). Per replicate, each target cell gains the metrics
 * {@code ope_<estimator>_<estimate|error|abs_error|squared_error|covered>} for expectations.
 *
 * @param logging    the cell whose logs are evaluated; its choices need propensities
 * @param targets    the cells to estimate
 * @param estimators which estimators; empty for all that fit the page
 * @param clip            ips-clipped's cap on a weight (default 10)
 * @param switchThreshold switch-dr's threshold τ (default 10)
 * @param shrinkage       dr-os's λ (default 100)
 */
public record OpeSpec(String logging, List<String> targets, List<String> estimators, Double clip, Double switchThreshold,
                      Double shrinkage) {
    /** What each estimator contributes per replicate, as metric suffixes. */
    public static final List<String> STATISTICS = List.of("estimate", "error", "abs_error", "squared_error", "covered");

    public OpeSpec {
        if (logging == null || logging.isBlank()) {
            throw new ParameterException("logging", "logging must name the cell whose logs are evaluated");
        }
        targets = targets == null ? List.of() : List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new ParameterException("targets", "targets must name at least one cell to estimate");
        }
        estimators = estimators == null ? List.of() : List.copyOf(estimators); // empty: all that fit the page (resolvedFor)
        Estimators.Settings defaults = Estimators.Settings.DEFAULTS;
        clip = positive("clip", clip, defaults.clip());
        switchThreshold = positive("switchThreshold", switchThreshold, defaults.switchThreshold());
        shrinkage = positive("shrinkage", shrinkage, defaults.shrinkage());
        for (int i = 0; i < estimators.size(); i++) {
            if (Estimators.find(estimators.get(i)).isEmpty() && !SlateEstimators.NAMES.contains(estimators.get(i))) {
                throw new ParameterException("estimators[" + i + "]", "unknown estimator '" + estimators.get(i)
                        + "'; expected one of " + Estimators.names() + " (a one-title page) or " + SlateEstimators.NAMES
                        + " (a page of several slots)");
            }
        }
    }

    private static Double positive(String field, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0) || value.isInfinite()) {
            throw new ParameterException(field, field + " must be a number > 0, found " + value);
        }
        return value;
    }

    /**
     * This block for a page of {@code slots} slots: every estimator that fits when none is named, and
     * a check that the named ones fit (the bandit estimators weigh one title, the slate ones a page).
     */
    public OpeSpec resolvedFor(int slots) {
        List<String> fitting = slots == 1 ? Estimators.names() : SlateEstimators.NAMES;
        for (int i = 0; i < estimators.size(); i++) {
            if (!fitting.contains(estimators.get(i))) {
                throw new ParameterException("estimators[" + i + "]", "'" + estimators.get(i) + "' does not fit a page of "
                        + slots + (slots == 1 ? " slot" : " slots") + "; expected some of " + fitting);
            }
        }
        return new OpeSpec(logging, targets, estimators.isEmpty() ? fitting : estimators, clip, switchThreshold, shrinkage);
    }

    /** The estimators' settings. */
    public Estimators.Settings settings() {
        return new Estimators.Settings(clip, switchThreshold, shrinkage);
    }

    /** {@code ope_<estimator>_<statistic>}, with the estimator's '-' as '_'. */
    public static String metric(String estimator, String statistic) {
        return dev.loopsim.results.metrics.MetricId.ope(estimator, statistic).name();
    }

    /** Every metric the block gives a target cell. */
    public List<String> metrics() {
        return estimators.stream().flatMap(e -> STATISTICS.stream().map(s -> metric(e, s))).toList();
    }
}

package dev.loopsim.results.ope;

import java.util.List;

/**
 * Estimates a target policy's mean reward per round from rounds logged under another policy,
 * with a 95% interval and the weights' diagnostics (see {@link Estimators} for how intervals are made).
 */
public interface Estimator {
    /** The estimator's name in tables and on the command line. */
    String name();

    OpeEstimate estimate(List<LoggedRound> rounds);

    /** Whether it needs a reward model's predictions. */
    default boolean needsRewardModel() {
        return false;
    }
}

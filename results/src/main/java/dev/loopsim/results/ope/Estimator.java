package dev.loopsim.results.ope;

import java.util.List;

/**
 * Estimates a target policy's mean reward per round from rounds logged under another policy.
 * Intervals are 95% normal intervals from each round's contribution (its influence function,
 * for the ratio estimators): mean ± 1.96·sd/√n.
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

package dev.loopsim.users.visit;

import dev.loopsim.core.Keys;
import dev.loopsim.core.Validate;

/**
 * When a member is gone, by one of two rules.
 * <ul>
 *   <li>{@code threshold}: their visit intensity stayed below {@code minVisitsPerWeek} for
 *   {@code afterDays} in a row. 0 visits per week turns churn off.</li>
 *   <li>{@code hazard}: between visits they leave at a constant rate, h = ratePerWeek/7 ·
 *   exp(−satisfactionWeight · s̄) per day, s̄ the mean satisfaction of their remembered recent
 *   visits (0 before the first): disappointing visits make leaving likelier, and a member who
 *   comes back often has less time to leave in.</li>
 * </ul>
 *
 * @param type               threshold or hazard
 * @param minVisitsPerWeek   threshold: λ_min, in visits per week
 * @param afterDays          threshold: how long the intensity must stay below λ_min, in days
 * @param ratePerWeek        hazard: the rate of leaving at s̄ = 0, per week
 * @param satisfactionWeight hazard: how much recent satisfaction lowers the rate (its log per unit of s̄)
 */
public record ChurnParameters(Rule type, double minVisitsPerWeek, double afterDays, double ratePerWeek,
                              double satisfactionWeight) {
    public static final ChurnParameters DEFAULTS = threshold(0.5, 14);
    public static final ChurnParameters NONE = threshold(0, 14);

    /** The churn rules, by their YAML names. */
    public enum Rule { THRESHOLD, HAZARD }

    public ChurnParameters {
        Keys.required(Rule.class, "type", type);
        Validate.nonNegative("minVisitsPerWeek", minVisitsPerWeek);
        Validate.positive("afterDays", afterDays);
        Validate.nonNegative("ratePerWeek", ratePerWeek);
        Validate.finite("satisfactionWeight", satisfactionWeight);
    }

    public static ChurnParameters threshold(double minVisitsPerWeek, double afterDays) {
        return new ChurnParameters(Rule.THRESHOLD, minVisitsPerWeek, afterDays, 0, 0);
    }

    public static ChurnParameters hazard(double ratePerWeek, double satisfactionWeight) {
        return new ChurnParameters(Rule.HAZARD, 0, 14, ratePerWeek, satisfactionWeight);
    }
}

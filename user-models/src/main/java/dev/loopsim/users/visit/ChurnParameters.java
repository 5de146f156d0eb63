package dev.loopsim.users.visit;

import dev.loopsim.core.Validate;

/**
 * When a member is gone: their visit intensity stayed below {@code minVisitsPerWeek} for
 * {@code afterDays} in a row. 0 visits per week turns churn off.
 *
 * @param minVisitsPerWeek λ_min, in visits per week
 * @param afterDays        how long the intensity must stay below λ_min, in days
 */
public record ChurnParameters(double minVisitsPerWeek, double afterDays) {
    public static final ChurnParameters DEFAULTS = new ChurnParameters(0.5, 14);
    public static final ChurnParameters NONE = new ChurnParameters(0, 14);

    public ChurnParameters {
        Validate.nonNegative("minVisitsPerWeek", minVisitsPerWeek);
        Validate.positive("afterDays", afterDays);
    }
}

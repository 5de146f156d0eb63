package dev.loopsim.users.choice;

import dev.loopsim.core.Validate;

/**
 * Search: plays that come from outside the page (the open loop).
 *
 * @param share      the probability that a visit goes to search instead of the page
 * @param candidates how many available titles, drawn uniformly, a search turns up; the member
 *                   then chooses among them (or nothing) by the same logit as on a page
 */
public record SearchParameters(double share, int candidates) {
    public static final SearchParameters DEFAULTS = new SearchParameters(0, 20);

    public SearchParameters {
        Validate.inRange("share", share, 0, 1);
        Validate.atLeast("candidates", candidates, 1);
    }
}

package dev.loopsim.users.population;

import dev.loopsim.core.Validate;

/**
 * How to generate members.
 *
 * @param members               number of members, including those who join later
 * @param tasteConcentration    α of the symmetric Dirichlet of tastes; small α = narrow tastes
 * @param latentSd              standard deviation of each latent component is latentSd / √d
 * @param visitsPerWeekMedian   median base visit rate, in visits per week
 * @param visitRateSdLog        spread of the log-normal base visit rate
 * @param newMemberShare        share of members who join during the run
 * @param joinWindowDays        new members join uniformly over (0, window)
 * @param artworkTasteSd        ρ_u ~ N(0, sd²) per artwork theme: how differently members react to images
 */
public record PopulationParameters(int members, double tasteConcentration, double latentSd,
                                   double visitsPerWeekMedian, double visitRateSdLog,
                                   double newMemberShare, double joinWindowDays, double artworkTasteSd) {

    public static final PopulationParameters DEFAULTS = new PopulationParameters(2000, 0.3, 1.0, 3.0, 0.6, 0.0, 30, 1.0);

    public PopulationParameters {
        Validate.between("members", members, 1, 100_000_000, "a member holds about 3 KB; loopsim bench measures the cost");
        Validate.positive("tasteConcentration", tasteConcentration);
        Validate.nonNegative("latentSd", latentSd);
        Validate.inRange("visitsPerWeekMedian", visitsPerWeekMedian, 1e-6, 1000, "a median above 1,000 a week is a visit "
                + "every ten minutes, for half the members");
        Validate.nonNegative("visitRateSdLog", visitRateSdLog);
        Validate.inRange("newMemberShare", newMemberShare, 0, 1);
        Validate.positive("joinWindowDays", joinWindowDays);
        Validate.nonNegative("artworkTasteSd", artworkTasteSd);
    }
}

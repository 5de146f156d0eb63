package dev.loopsim.users.visit;

import dev.loopsim.core.Validate;

/**
 * Daily and weekly seasonality of visits, a multiplier with mean 1 over whole weeks:
 * season(t) = (1 + a_d·cos(2π(t − p_d))) · (1 + a_w·cos(2π(t − p_w)/7)), t in days.
 *
 * @param dailyAmplitude   a_d in [0, 1)
 * @param dailyPeakHour    hour of the day with the most visits
 * @param weeklyAmplitude  a_w in [0, 1)
 * @param weeklyPeakDay    day of the week (0 = the first day of the run) with the most visits
 */
public record Seasonality(double dailyAmplitude, double dailyPeakHour, double weeklyAmplitude, double weeklyPeakDay) {

    public static final Seasonality NONE = new Seasonality(0, 0, 0, 0);

    public Seasonality {
        Validate.inHalfOpenRange("dailyAmplitude", dailyAmplitude, 0, 1);
        Validate.inHalfOpenRange("dailyPeakHour", dailyPeakHour, 0, 24);
        Validate.inHalfOpenRange("weeklyAmplitude", weeklyAmplitude, 0, 1);
        Validate.inHalfOpenRange("weeklyPeakDay", weeklyPeakDay, 0, 7);
    }

    public double at(double day) {
        double daily = 1 + dailyAmplitude * Math.cos(2 * Math.PI * (day - dailyPeakHour / 24));
        double weekly = 1 + weeklyAmplitude * Math.cos(2 * Math.PI * (day - weeklyPeakDay) / 7);
        return daily * weekly;
    }

    /** The largest value season(t) can take: the thinning bound's seasonal factor. */
    public double maximum() {
        return (1 + dailyAmplitude) * (1 + weeklyAmplitude);
    }
}

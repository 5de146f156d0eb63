package dev.loopsim.results.metrics;

import java.util.Arrays;

/**
 * The metrics of one simulated day.
 *
 * @param day                    day index: the interval [day, day + 1)
 * @param visits                 visits that day
 * @param activeMembers          distinct members who visited that day
 * @param impressions            filled slots shown
 * @param plays                  plays
 * @param qualityPlays           plays with ω at or above the threshold
 * @param completions            delayed series completions observed that day
 * @param enjoymentSum           sum of ω over plays
 * @param expectedRegretSum      sum over visits of the expected regret (NaN if not measured)
 * @param genrePlays             plays by the dominant genre of the title played
 * @param churned                members who churned that day
 */
public record DailyRow(int day, long visits, long activeMembers, long impressions, long plays, long qualityPlays,
                       long completions, double enjoymentSum, double expectedRegretSum, long[] genrePlays,
                       long churned) {

    public DailyRow {
        genrePlays = genrePlays.clone();
    }

    @Override
    public long[] genrePlays() {
        return genrePlays.clone();
    }

    public double takeFraction() {
        return impressions == 0 ? 0 : (double) plays / impressions;
    }

    public double playsPerVisit() {
        return visits == 0 ? 0 : (double) plays / visits;
    }

    public double enjoymentPerPlay() {
        return plays == 0 ? 0 : enjoymentSum / plays;
    }

    public double expectedRegretPerVisit() {
        return visits == 0 ? 0 : expectedRegretSum / visits;
    }

    /** Share of the day's plays in genre g; NaN on a day without plays. */
    public double genreShare(int g) {
        return plays == 0 ? Double.NaN : (double) genrePlays[g] / plays;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DailyRow r && day == r.day && visits == r.visits && activeMembers == r.activeMembers
                && impressions == r.impressions && plays == r.plays && qualityPlays == r.qualityPlays
                && completions == r.completions && Double.compare(enjoymentSum, r.enjoymentSum) == 0
                && Double.compare(expectedRegretSum, r.expectedRegretSum) == 0 && Arrays.equals(genrePlays, r.genrePlays)
                && churned == r.churned;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(visits) + Arrays.hashCode(genrePlays);
    }
}

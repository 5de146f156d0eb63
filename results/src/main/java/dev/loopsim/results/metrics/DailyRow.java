package dev.loopsim.results.metrics;

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
 */
public record DailyRow(int day, long visits, long activeMembers, long impressions, long plays, long qualityPlays,
                       long completions, double enjoymentSum, double expectedRegretSum) {

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
}

package dev.loopsim.results.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of one simulated day, and the values that day of the metrics that have one.
 *
 * @param day           day index: the interval [day, day + 1)
 * @param visits        visits that day
 * @param activeMembers distinct members who visited that day
 * @param impressions   filled slots shown
 * @param plays         plays, from pages and search
 * @param qualityPlays  plays with ω at or above the threshold
 * @param completions   delayed series completions observed that day
 * @param genrePlays    plays by the dominant genre of the title played
 * @param churned       members who churned that day
 * @param metrics       the day's value of each metric with {@link Metric#perDay}, by name, in registry order
 */
public record DailyRow(int day, long visits, long activeMembers, long impressions, long plays, long qualityPlays,
                       long completions, long[] genrePlays, long churned, Map<String, Double> metrics) {

    public DailyRow {
        genrePlays = genrePlays.clone();
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    @Override
    public long[] genrePlays() {
        return genrePlays.clone();
    }

    /** The day's value of a metric; NaN if it has no daily value or was not measured. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }

    /** Share of the day's plays in genre g; NaN on a day without plays. */
    public double genreShare(int g) {
        return plays == 0 ? Double.NaN : (double) genrePlays[g] / plays;
    }

    DailyRow withChurned(long churnedThatDay) {
        return new DailyRow(day, visits, activeMembers, impressions, plays, qualityPlays, completions, genrePlays,
                churnedThatDay, metrics);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DailyRow r && day == r.day && visits == r.visits && activeMembers == r.activeMembers
                && impressions == r.impressions && plays == r.plays && qualityPlays == r.qualityPlays
                && completions == r.completions && Arrays.equals(genrePlays, r.genrePlays) && churned == r.churned
                && metrics.equals(r.metrics);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(visits) + Arrays.hashCode(genrePlays);
    }
}

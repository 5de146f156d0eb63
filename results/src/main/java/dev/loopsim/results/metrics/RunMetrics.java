package dev.loopsim.results.metrics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.world.MemberState;

/**
 * The metrics of one run: daily rows and run-level values. Shard tallies are summed in shard
 * order, so the floating-point results do not depend on which thread ran which shard.
 */
public final class RunMetrics implements RunObserver {
    private final int titlesReleased;
    private final double qualityThreshold;
    private final List<Integer> retentionDays;
    private final boolean regretMeasured;
    private final List<ShardTally> shards = new ArrayList<>();
    private final List<DailyRow> daily = new ArrayList<>();
    private Totals previous = new Totals(0, 0, 0, 0, 0, 0, 0);
    private final Map<String, Double> summary = new LinkedHashMap<>();

    /**
     * @param titlesReleased   titles released by the horizon (the coverage denominator)
     * @param qualityThreshold ω at or above which a play is a quality play
     * @param retentionDays    the d of each {@code retention_d<d>} metric
     * @param regretMeasured   whether visits carry the oracle's play probability
     */
    public RunMetrics(int titlesReleased, double qualityThreshold, List<Integer> retentionDays, boolean regretMeasured) {
        this.titlesReleased = titlesReleased;
        this.qualityThreshold = qualityThreshold;
        this.retentionDays = List.copyOf(retentionDays);
        this.regretMeasured = regretMeasured;
    }

    private record Totals(long visits, long impressions, long plays, long qualityPlays, long completions,
                          double enjoyment, double regret) { }

    @Override
    public ShardObserver shard(int index) {
        if (index != shards.size()) {
            throw new IllegalStateException("shards must be created in order, expected " + shards.size() + " got " + index);
        }
        ShardTally tally = new ShardTally(qualityThreshold, retentionDays);
        shards.add(tally);
        return tally;
    }

    private Totals totals() {
        long visits = 0, impressions = 0, plays = 0, quality = 0, completions = 0;
        double enjoyment = 0, regret = 0;
        for (ShardTally s : shards) {
            visits += s.visits;
            impressions += s.impressions;
            plays += s.plays;
            quality += s.qualityPlays;
            completions += s.completions;
            enjoyment += s.enjoymentSum;
            regret += s.regretSum;
        }
        return new Totals(visits, impressions, plays, quality, completions, enjoyment, regret);
    }

    @Override
    public void snapshot(int dayIndex) {
        Totals now = totals();
        long active = 0;
        for (ShardTally s : shards) {
            active += s.activeToday.cardinality();
            s.activeToday.clear();
        }
        daily.add(new DailyRow(dayIndex, now.visits - previous.visits, active, now.impressions - previous.impressions,
                now.plays - previous.plays, now.qualityPlays - previous.qualityPlays,
                now.completions - previous.completions, now.enjoyment - previous.enjoyment,
                regretMeasured ? now.regret - previous.regret : Double.NaN));
        previous = now;
    }

    @Override
    public void finish(double horizonDays, List<MemberState> members) {
        Totals t = totals();
        long present = 0;
        double memberDays = 0;
        for (MemberState m : members) {
            double join = m.profile().joinDay();
            if (join < horizonDays) {
                present++;
                memberDays += horizonDays - join;
            }
        }
        BitSet impressed = new BitSet();
        BitSet played = new BitSet();
        shards.forEach(s -> {
            impressed.or(s.impressedTitles);
            played.or(s.playedTitles);
        });
        summary.put(Metrics.TAKE_FRACTION, ratio(t.plays, t.impressions));
        summary.put(Metrics.PLAYS_PER_VISIT, ratio(t.plays, t.visits));
        summary.put(Metrics.PLAYS_PER_MEMBER, ratio(t.plays, present));
        summary.put(Metrics.VISITS_PER_MEMBER_WEEK, memberDays == 0 ? 0 : t.visits / (memberDays / 7));
        summary.put(Metrics.ENJOYMENT_PER_PLAY, t.plays == 0 ? 0 : t.enjoyment / t.plays);
        summary.put(Metrics.QUALITY_PLAY_SHARE, ratio(t.qualityPlays, t.plays));
        summary.put(Metrics.COMPLETIONS_PER_MEMBER, ratio(t.completions, present));
        if (regretMeasured) {
            summary.put(Metrics.EXPECTED_REGRET_PER_VISIT, t.visits == 0 ? 0 : t.regret / t.visits);
        }
        summary.put(Metrics.CATALOG_COVERAGE, ratio(impressed.cardinality(), titlesReleased));
        summary.put(Metrics.PLAY_COVERAGE, ratio(played.cardinality(), titlesReleased));
        for (int i = 0; i < retentionDays.size(); i++) {
            int d = retentionDays.get(i);
            long eligible = members.stream().filter(m -> m.profile().joinDay() <= horizonDays - d).count();
            long kept = 0;
            for (ShardTally s : shards) {
                BitSet seen = s.retained[i];
                for (int id = seen.nextSetBit(0); id >= 0; id = seen.nextSetBit(id + 1)) {
                    if (members.get(id).profile().joinDay() <= horizonDays - d) {
                        kept++; // a late joiner's week was cut by the horizon: not eligible
                    }
                }
            }
            summary.put(Metrics.RETENTION_PREFIX + d, ratio(kept, eligible));
        }
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }

    public List<DailyRow> daily() {
        return List.copyOf(daily);
    }

    /** Run-level metric values by name, in a fixed order; empty until the run finished. */
    public Map<String, Double> summary() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }
}

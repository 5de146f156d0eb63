package dev.loopsim.results.metrics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Title;

/**
 * The metrics of one run: daily rows and run-level values. Shard tallies are summed in shard
 * order, so the floating-point results do not depend on which thread ran which shard.
 */
public final class RunMetrics implements RunObserver {
    private final Catalog catalog;
    private final double horizonDays;
    private final MetricOptions options;
    private final List<ShardTally> shards = new ArrayList<>();
    private final List<DailyRow> daily = new ArrayList<>();
    private Totals previous;
    private final Map<String, Double> summary = new LinkedHashMap<>();
    private final List<Double> retention = new ArrayList<>();

    public RunMetrics(Catalog catalog, double horizonDays, MetricOptions options) {
        this.catalog = catalog;
        this.horizonDays = horizonDays;
        this.options = options;
        this.previous = new Totals(0, 0, 0, 0, 0, 0, 0, new long[catalog.genreCount()]);
    }

    private record Totals(long visits, long impressions, long plays, long qualityPlays, long completions,
                          double enjoyment, double regret, long[] genrePlays) { }

    @Override
    public ShardObserver shard(int index) {
        if (index != shards.size()) {
            throw new IllegalStateException("shards must be created in order, expected " + shards.size() + " got " + index);
        }
        ShardTally tally = new ShardTally(catalog, options, horizonDays);
        shards.add(tally);
        return tally;
    }

    private Totals totals() {
        long visits = 0, impressions = 0, plays = 0, quality = 0, completions = 0;
        double enjoyment = 0, regret = 0;
        long[] genres = new long[catalog.genreCount()];
        for (ShardTally s : shards) {
            visits += s.visits;
            impressions += s.impressions;
            plays += s.plays;
            quality += s.qualityPlays;
            completions += s.completions;
            enjoyment += s.enjoymentSum;
            regret += s.regretSum;
            for (int g = 0; g < genres.length; g++) {
                genres[g] += s.genrePlays[g];
            }
        }
        return new Totals(visits, impressions, plays, quality, completions, enjoyment, regret, genres);
    }

    @Override
    public void snapshot(int dayIndex) {
        Totals now = totals();
        long active = 0;
        for (ShardTally s : shards) {
            active += s.activeToday.cardinality();
            s.activeToday.clear();
        }
        long[] genres = new long[now.genrePlays.length];
        for (int g = 0; g < genres.length; g++) {
            genres[g] = now.genrePlays[g] - previous.genrePlays[g];
        }
        daily.add(new DailyRow(dayIndex, now.visits - previous.visits, active, now.impressions - previous.impressions,
                now.plays - previous.plays, now.qualityPlays - previous.qualityPlays,
                now.completions - previous.completions, now.enjoyment - previous.enjoyment,
                options.regret() ? now.regret - previous.regret : Double.NaN, genres, 0));
        previous = now;
    }

    @Override
    public void finish(double horizon, List<MemberState> runMembers) {
        Totals t = totals();
        long present = 0;
        long churned = 0;
        double memberDays = 0;
        long presentByWindow = 0;
        long presentBeforeLastWindow = 0;
        for (MemberState m : runMembers) {
            double join = m.profile().joinDay();
            presentByWindow += join < Metrics.WINDOW_DAYS && join < horizon ? 1 : 0;
            presentBeforeLastWindow += join < horizon - Metrics.WINDOW_DAYS ? 1 : 0;
            if (join < horizon) {
                present++;
                memberDays += Math.min(horizon, m.churnDay()) - join;
                churned += m.churnDay() < horizon ? 1 : 0;
            }
        }
        BitSet impressed = new BitSet();
        BitSet played = new BitSet();
        shards.forEach(s -> {
            impressed.or(s.impressedTitles);
            played.or(s.playedTitles);
        });
        int released = (int) catalog.titles().stream().filter(title -> title.releaseDay() < horizon).count();
        countChurnByDay(runMembers);
        long searchVisits = shards.stream().mapToLong(s -> s.searchVisits).sum();
        long searchPlays = shards.stream().mapToLong(s -> s.searchPlays).sum();
        long pageVisits = t.visits - searchVisits;
        long pagePlays = t.plays - searchPlays;
        summary.put(Metrics.TAKE_FRACTION, ratio(pagePlays, t.impressions));
        long tailImpressions = shards.stream().mapToLong(s -> s.tailImpressions).sum();
        long tailPlays = shards.stream().mapToLong(s -> s.tailPlays).sum();
        summary.put(Metrics.HEAD_TAKE_FRACTION, ratio(pagePlays - tailPlays, t.impressions - tailImpressions));
        summary.put(Metrics.TAIL_TAKE_FRACTION, ratio(tailPlays, tailImpressions));
        summary.put(Metrics.PLAYS_PER_VISIT, ratio(t.plays, t.visits));
        summary.put(Metrics.PLAYS_PER_MEMBER, ratio(t.plays, present));
        summary.put(Metrics.PLAYS_PER_MEMBER_FIRST_28D, ratio(shards.stream().mapToLong(s -> s.earlyPlays).sum(), presentByWindow));
        BitSet activeLate = new BitSet();
        shards.forEach(s -> activeLate.or(s.activeInLastWindow));
        summary.put(Metrics.ACTIVE_LAST_28D, ratio(activeLate.cardinality(), presentBeforeLastWindow));
        summary.put(Metrics.VISITS_PER_MEMBER_WEEK, memberDays == 0 ? 0 : t.visits / (memberDays / 7));
        summary.put(Metrics.ENJOYMENT_PER_PLAY, t.plays == 0 ? 0 : t.enjoyment / t.plays);
        summary.put(Metrics.QUALITY_PLAY_SHARE, ratio(t.qualityPlays, t.plays));
        summary.put(Metrics.PLAY_ARTWORK_FIDELITY, pagePlays == 0 ? Double.NaN
                : shards.stream().mapToDouble(s -> s.fidelitySum).sum() / pagePlays);
        summary.put(Metrics.SEARCH_PLAY_SHARE, ratio(searchPlays, t.plays));
        summary.put(Metrics.COMPLETIONS_PER_MEMBER, ratio(t.completions, present));
        if (options.regret()) {
            summary.put(Metrics.EXPECTED_REGRET_PER_VISIT, pageVisits == 0 ? 0 : t.regret / pageVisits);
        }
        summary.put(Metrics.CATALOG_COVERAGE, ratio(impressed.cardinality(), released));
        summary.put(Metrics.PLAY_COVERAGE, ratio(played.cardinality(), released));
        summary.put(Metrics.CHURN_RATE, ratio(churned, present));
        summary.put(Metrics.EXPOSURE_GINI, Exposure.gini(releasedImpressions(horizon)));
        summary.put(Metrics.INTRA_LIST_DIVERSITY, pageVisits == 0 ? 0
                : shards.stream().mapToDouble(s -> s.diversitySum).sum() / pageVisits);
        long calibrated = shards.stream().mapToLong(s -> s.calibratedVisits).sum();
        summary.put(Metrics.CALIBRATION, calibrated == 0 ? Double.NaN
                : shards.stream().mapToDouble(s -> s.calibrationSum).sum() / calibrated);
        summary.put(Metrics.HOMOGENIZATION, homogenization(runMembers, horizon));
        for (int i = 0; i < options.retentionDays().size(); i++) {
            int d = options.retentionDays().get(i);
            summary.put(Metrics.RETENTION_PREFIX + d, retention(i, d, runMembers, m -> true));
            summary.put(Metrics.NEW_MEMBER_RETENTION_PREFIX + d, retention(i, d, runMembers, m -> m.profile().joinDay() > 0));
        }
        summary.put(Metrics.NEW_TITLE_DAYS_TO_FIRST_PLAY, daysToFirstPlay(horizon));
        retentionCurve(runMembers, horizon);
        summary.put(Metrics.OSCILLATION_INDEX, OscillationIndex.of(genreShares()));
    }

    private void retentionCurve(List<MemberState> runMembers, double horizon) {
        retention.clear();
        for (int week = 0; 7.0 * week <= horizon; week++) {
            long observed = 0;
            long kept = 0;
            for (MemberState m : runMembers) {
                double age = m.profile().joinDay() + 7.0 * week;
                if (age <= horizon) {
                    observed++;
                    kept += m.churnDay() > age ? 1 : 0;
                }
            }
            if (observed == 0) {
                break;
            }
            retention.add((double) kept / observed);
        }
    }

    private long[] releasedImpressions(double horizon) {
        return catalog.titles().stream().filter(title -> title.releaseDay() < horizon).mapToLong(title -> {
            long n = 0;
            for (ShardTally s : shards) {
                n += s.impressionsByTitle[title.id()];
            }
            return n;
        }).toArray();
    }

    /**
     * Mean pairwise Jaccard similarity of members' sets of played titles (Chaney et al. 2018),
     * over members present. Up to {@value #HOMOGENIZATION_EXACT_MEMBERS} members every pair is
     * used; beyond, a fixed sample of {@value #HOMOGENIZATION_PAIRS} pairs chosen by hashing the
     * pair index, the same whatever the thread count.
     */
    private double homogenization(List<MemberState> runMembers, double horizon) {
        List<int[]> sets = new ArrayList<>();
        for (MemberState m : runMembers) {
            if (m.profile().joinDay() < horizon) {
                int[] played = new int[0];
                for (ShardTally s : shards) {
                    if (s.consumed.containsKey(m.id())) {
                        played = s.consumedBy(m.id());
                        break;
                    }
                }
                sets.add(played);
            }
        }
        int n = sets.size();
        if (n < 2) {
            return Double.NaN;
        }
        double total = 0;
        long pairs = 0;
        if (n <= HOMOGENIZATION_EXACT_MEMBERS) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    total += Exposure.jaccard(sets.get(i), sets.get(j));
                    pairs++;
                }
            }
        } else {
            for (long k = 0; k < HOMOGENIZATION_PAIRS; k++) {
                int i = (int) Long.remainderUnsigned(mix(2 * k), n);
                int j = (int) Long.remainderUnsigned(mix(2 * k + 1), n - 1);
                j = j >= i ? j + 1 : j; // a pair of two different members
                total += Exposure.jaccard(sets.get(i), sets.get(j));
                pairs++;
            }
        }
        return total / pairs;
    }

    static final int HOMOGENIZATION_EXACT_MEMBERS = 3000;
    static final long HOMOGENIZATION_PAIRS = 2_000_000;

    private static long mix(long z) {
        z = (z + 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A churn day is known only once decided (it may lie ahead of the visit that decided it): fill rows in at the end. */
    private void countChurnByDay(List<MemberState> runMembers) {
        long[] churned = new long[daily.size()];
        for (MemberState m : runMembers) {
            double day = m.churnDay();
            if (day < daily.size()) {
                churned[(int) day]++;
            }
        }
        for (int d = 0; d < daily.size(); d++) {
            DailyRow r = daily.get(d);
            daily.set(d, new DailyRow(r.day(), r.visits(), r.activeMembers(), r.impressions(), r.plays(), r.qualityPlays(),
                    r.completions(), r.enjoymentSum(), r.expectedRegretSum(), r.genrePlays(), churned[d]));
        }
    }

    /** Share of eligible members seen in the week before their day d; NaN when none is eligible. */
    private double retention(int index, int d, List<MemberState> runMembers, Predicate<MemberState> among) {
        long eligible = runMembers.stream().filter(among).filter(m -> m.profile().joinDay() <= horizonDays - d).count();
        long kept = 0;
        // The members may be a subset (an A/B test's cell), so they are found by id, not by position.
        Map<Integer, MemberState> byId = new java.util.HashMap<>();
        runMembers.forEach(m -> byId.put(m.id(), m));
        for (ShardTally s : shards) {
            BitSet seen = s.retained[index];
            for (int id = seen.nextSetBit(0); id >= 0; id = seen.nextSetBit(id + 1)) {
                MemberState m = byId.get(id);
                if (among.test(m) && m.profile().joinDay() <= horizonDays - d) {
                    kept++; // a late joiner's week was cut by the horizon: not eligible
                }
            }
        }
        return eligible == 0 ? Double.NaN : (double) kept / eligible;
    }

    /**
     * Restricted mean time from release to first play over titles released during the run: a
     * title never played counts as played at the horizon, so the mean is defined (and a lower
     * bound) even when some titles are never played. NaN without new titles.
     */
    private double daysToFirstPlay(double horizon) {
        double total = 0;
        int count = 0;
        for (Title title : catalog.titles()) {
            if (title.releaseDay() > 0 && title.releaseDay() < horizon) {
                double first = horizon;
                for (ShardTally s : shards) {
                    first = Math.min(first, s.firstPlayDay[title.id()]);
                }
                total += first - title.releaseDay();
                count++;
            }
        }
        return count == 0 ? Double.NaN : total / count;
    }

    private double[][] genreShares() {
        double[][] shares = new double[catalog.genreCount()][daily.size()];
        for (int d = 0; d < daily.size(); d++) {
            for (int g = 0; g < shares.length; g++) {
                shares[g][d] = daily.get(d).genreShare(g);
            }
        }
        return shares;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }

    public List<DailyRow> daily() {
        return List.copyOf(daily);
    }

    /** Run-level metric values by name, in a fixed order; empty until the run finished. */
    /**
     * The retention curve of members aligned by their join: entry w is the share of members
     * who had been members for w weeks by the horizon that had not churned by then; week 0 is 1.
     * Filled by {@link #finish}.
     */
    public List<Double> retention() {
        return List.copyOf(retention);
    }

    public Map<String, Double> summary() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }
}

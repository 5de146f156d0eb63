package dev.loopsim.results.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;

/**
 * The metrics of one run: the registry's metrics ({@link Metrics#forRun}), each tallied per
 * shard and per day, and the daily counts. Tallies are merged into a fresh one in shard order,
 * so floating-point results do not depend on which thread ran which shard.
 */
public final class RunMetrics implements RunObserver {
    private final RunShape run;
    private final List<Measured<?>> measured = new ArrayList<>();
    private final int dailyMetrics;
    private final List<Shard> shards = new ArrayList<>();
    private final List<DailyRow> daily = new ArrayList<>();
    private final Map<String, Double> summary = new LinkedHashMap<>();
    private final List<Double> retention = new ArrayList<>();

    public RunMetrics(Catalog catalog, double horizonDays, MetricOptions options) {
        this(catalog, horizonDays, options, Metrics.forRun(options));
    }

    /** Measures the given metrics, in their order, instead of the registry's. */
    public RunMetrics(Catalog catalog, double horizonDays, MetricOptions options, List<Metric<?>> metrics) {
        this.run = new RunShape(catalog, horizonDays, options);
        int daily = 0;
        for (int i = 0; i < metrics.size(); i++) {
            Measured<?> m = Measured.of(metrics.get(i), i, daily);
            daily += m.perDay != null ? 1 : 0;
            measured.add(m);
        }
        this.dailyMetrics = daily;
    }

    /** One metric's tallies: a run tally per shard, and for a daily metric the current day's per shard. */
    private static final class Measured<T extends Tally<T>> {
        final Metric<T> metric;
        final int index;
        final int dayIndex;
        final ToDoubleFunction<T> perDay;
        final List<T> runTallies = new ArrayList<>();
        final List<T> dayTallies = new ArrayList<>();

        private Measured(Metric<T> metric, int index, int dayIndex) {
            this.metric = metric;
            this.index = index;
            this.dayIndex = dayIndex;
            this.perDay = metric.perDay().orElse(null);
        }

        static <T extends Tally<T>> Measured<T> of(Metric<T> metric, int index, int dayIndex) {
            return new Measured<>(metric, index, dayIndex);
        }

        void addShard(Shard shard, RunShape run) {
            T tally = metric.newTally(run);
            runTallies.add(tally);
            shard.runTallies[index] = tally;
            if (perDay != null) {
                T day = metric.newTally(run);
                dayTallies.add(day);
                shard.dayTallies[dayIndex] = day;
            }
        }

        /** The day's value over all shards; every shard starts the next day with an empty tally. */
        double closeDay(List<Shard> shards, RunShape run) {
            T total = merged(dayTallies, run);
            for (int s = 0; s < shards.size(); s++) {
                T fresh = metric.newTally(run);
                dayTallies.set(s, fresh);
                shards.get(s).dayTallies[dayIndex] = fresh;
            }
            return perDay.applyAsDouble(total);
        }

        double value(RunEnd end) {
            return metric.value(merged(runTallies, end.run()), end);
        }

        private T merged(List<T> tallies, RunShape run) {
            T total = metric.newTally(run);
            tallies.forEach(total::combine);
            return total;
        }
    }

    /** What one shard's events go to: its daily counts and every metric's tallies. */
    private static final class Shard implements ShardObserver {
        private final VisitEvent event;
        final Tally<?>[] runTallies;
        final Tally<?>[] dayTallies;
        DailyCounts counts;

        Shard(RunShape run, int metrics, int dailyMetrics) {
            event = new VisitEvent(run);
            runTallies = new Tally<?>[metrics];
            dayTallies = new Tally<?>[dailyMetrics];
            counts = new DailyCounts(run);
        }

        @Override
        public void visit(MemberState member, double day, Page page, VisitResponse response, double oraclePlayProbability) {
            dispatch(event.page(member, day, page, response, oraclePlayProbability));
        }

        @Override
        public void search(MemberState member, double day, SearchResponse response) {
            dispatch(event.search(member, day, response));
        }

        private void dispatch(VisitEvent visit) {
            counts.visit(visit);
            for (Tally<?> t : runTallies) {
                t.visit(visit);
            }
            for (Tally<?> t : dayTallies) {
                t.visit(visit);
            }
        }

        @Override
        public void reward(MemberState member, RewardFeedback reward) {
            counts.reward(member, reward);
            for (Tally<?> t : runTallies) {
                t.reward(member, reward);
            }
            for (Tally<?> t : dayTallies) {
                t.reward(member, reward);
            }
        }
    }

    @Override
    public ShardObserver shard(int index) {
        if (index != shards.size()) {
            throw new IllegalStateException("shards must be created in order, expected " + shards.size() + " got " + index);
        }
        Shard shard = new Shard(run, measured.size(), dailyMetrics);
        measured.forEach(m -> m.addShard(shard, run));
        shards.add(shard);
        return shard;
    }

    @Override
    public void snapshot(int dayIndex) {
        DailyCounts day = new DailyCounts(run);
        for (Shard s : shards) {
            day.combine(s.counts);
            s.counts = new DailyCounts(run);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Measured<?> m : measured) {
            if (m.perDay != null) {
                values.put(m.metric.name(), m.closeDay(shards, run));
            }
        }
        daily.add(new DailyRow(dayIndex, day.visits, day.active.cardinality(), day.impressions, day.plays,
                day.qualityPlays, day.completions, day.genrePlays, 0, values));
    }

    @Override
    public void finish(double horizon, List<MemberState> runMembers) {
        countChurnByDay(runMembers);
        RunEnd end = new RunEnd(run, runMembers, List.copyOf(daily));
        for (Measured<?> m : measured) {
            summary.put(m.metric.name(), m.value(end));
        }
        retentionCurve(runMembers, horizon);
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
            daily.set(d, daily.get(d).withChurned(churned[d]));
        }
    }

    public List<DailyRow> daily() {
        return List.copyOf(daily);
    }

    /**
     * The retention curve of members aligned by their join: entry w is the share of members
     * who had been members for w weeks by the horizon that had not churned by then; week 0 is 1.
     * Filled by {@link #finish}.
     */
    public List<Double> retention() {
        return List.copyOf(retention);
    }

    /** Run-level metric values by name, in registry order; empty until the run finished. */
    public Map<String, Double> summary() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }
}

package dev.loopsim.results.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.core.world.Artwork;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every registered metric keeps: its tally merges in any grouping and order to what
 * one tally would have counted, a daily metric's days pool to its run value, and where there is
 * nothing to measure its value is NaN. Runs over the registry, so a new metric is checked too.
 */
class MetricContractTest {
    private static final double HORIZON = 40;
    private static final MetricOptions OPTIONS = new MetricOptions(0.5, List.of(7, 28), true);
    private static final int SHARDS = 3;

    /** Twelve titles over three genres, two released during the run, two artworks each. */
    private static Catalog catalog() {
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double[] genres = new double[3];
            genres[i % 3] = 0.7;
            genres[(i + 1) % 3] = 0.3;
            titles.add(new Title(i, genres, new double[] {0}, 0, i == 10 ? 5 : i == 11 ? 12 : 0, 1.0 / (1 + i), i % 4 == 0,
                    List.of(new Artwork(0, new double[] {1}, 0.9), new Artwork(1, new double[] {1}, 0.2))));
        }
        return new Catalog(titles, 3, 1);
    }

    private static MemberState member(int id, double joinDay) {
        RandomStreams streams = RandomStreams.of(id, 0);
        return new MemberState(new MemberProfile(id, new double[] {1, 0, 0}, new double[] {0}, 1, joinDay), 5,
                new MemberState.MemberStreams(streams.forMember(id, "a"), streams.forMember(id, "b"),
                        streams.forMember(id, "c"), streams.forMember(id, "d"), streams.forMember(id, "e")));
    }

    /** One metric fed the same events as a whole, split over shards, and day by day. */
    private static final class Case<T extends Tally<T>> {
        final Metric<T> metric;
        final RunShape run;
        final T whole;
        final List<T> shards = new ArrayList<>();
        final List<T> days = new ArrayList<>();

        Case(Metric<T> metric, RunShape run) {
            this.metric = metric;
            this.run = run;
            this.whole = metric.newTally(run);
            for (int s = 0; s < SHARDS; s++) {
                shards.add(metric.newTally(run));
            }
            for (int d = 0; d < HORIZON; d++) {
                days.add(metric.newTally(run));
            }
        }

        void visit(VisitEvent event, int shard) {
            whole.visit(event);
            shards.get(shard).visit(event);
            days.get((int) event.day()).visit(event);
        }

        void reward(MemberState member, RewardFeedback reward, int shard) {
            whole.reward(member, reward);
            shards.get(shard).reward(member, reward);
            days.get((int) reward.day()).reward(member, reward);
        }

        T merged(List<T> parts) {
            T total = metric.newTally(run);
            parts.forEach(total::combine);
            return total;
        }

        /** ((a, b), c) against (a, (b, c)), against c, b, a one by one. */
        List<T> groupings() {
            T ab = merged(List.of(shards.get(0), shards.get(1)));
            T bc = merged(List.of(shards.get(1), shards.get(2)));
            T left = merged(List.of(ab, shards.get(2)));
            T right = merged(List.of(shards.get(0), bc));
            T reversed = merged(List.of(shards.get(2), shards.get(1), shards.get(0)));
            return List.of(left, right, reversed);
        }
    }

    @TestFactory
    List<DynamicTest> everyMetricMergesInAnyOrderToWhatOneTallyCounts() {
        Catalog catalog = catalog();
        RunShape run = new RunShape(catalog, HORIZON, OPTIONS);
        List<Case<?>> cases = new ArrayList<>();
        for (Metric<?> metric : Metrics.forRun(OPTIONS)) {
            cases.add(newCase(metric, run));
        }
        List<MemberState> members = new ArrayList<>();
        for (int id = 0; id < 30; id++) {
            members.add(member(id, id < 20 ? 0 : 2.5 * (id - 19)));
        }
        members.get(3).markChurned(17.5);
        members.get(25).markChurned(33);
        Random random = new Random(7);
        VisitEvent event = new VisitEvent(run);
        List<DailyCounts> counts = new ArrayList<>();
        for (int d = 0; d < HORIZON; d++) {
            counts.add(new DailyCounts(run));
        }
        for (int i = 0; i < 2000; i++) {
            MemberState m = members.get(random.nextInt(members.size()));
            double day = m.profile().joinDay() + random.nextDouble() * (HORIZON - m.profile().joinDay());
            int shard = random.nextInt(SHARDS); // shards need not hold disjoint members for the contract
            double roll = random.nextDouble();
            if (roll < 0.1) {
                boolean plays = random.nextBoolean();
                int title = random.nextInt(10);
                if (plays) {
                    m.recordPlay(title, day);
                }
                event.search(m, day, new SearchResponse(plays ? title : -1, plays ? random.nextDouble() : 0, 0, false));
                counts.get((int) day).visit(event);
                for (Case<?> c : cases) {
                    c.visit(event, shard);
                }
            } else if (roll < 0.15) {
                RewardFeedback reward = new RewardFeedback(day, m.id(), random.nextInt(10), 0, day, 1);
                counts.get((int) day).reward(m, reward);
                for (Case<?> c : cases) {
                    c.reward(m, reward, shard);
                }
            } else {
                int[] titles = new int[6];
                int[] artworks = new int[6];
                for (int s = 0; s < titles.length; s++) {
                    int t = random.nextInt(13) - 1; // -1: an empty slot
                    titles[s] = t >= 10 && day < catalog.title(t).releaseDay() ? -1 : t;
                    artworks[s] = random.nextInt(2);
                }
                Page page = new Page(2, 3, List.of("a", "b"), titles, artworks);
                int slot = random.nextInt(8) - 2;
                int played = slot >= 0 && titles[slot] >= 0 ? slot : -1;
                if (played >= 0) {
                    m.recordPlay(titles[played], artworks[played], day);
                }
                double p = random.nextDouble() * 0.5;
                event.page(m, day, page, new VisitResponse(new boolean[6], played, played >= 0 ? random.nextDouble() : 0,
                        0, p, false), p + random.nextDouble() * 0.2);
                counts.get((int) day).visit(event);
                for (Case<?> c : cases) {
                    c.visit(event, shard);
                }
            }
        }
        List<DailyRow> daily = new ArrayList<>();
        for (int d = 0; d < HORIZON; d++) {
            DailyCounts day = counts.get(d);
            daily.add(new DailyRow(d, day.visits, day.active.cardinality(), day.impressions, day.plays, day.qualityPlays,
                    day.completions, day.genrePlays, 0, java.util.Map.of()));
        }
        RunEnd end = new RunEnd(run, members, daily);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.metric.name(), () -> checkMerges(c, end))).toList();
    }

    private static <T extends Tally<T>> Case<T> newCase(Metric<T> metric, RunShape run) {
        return new Case<>(metric, run);
    }

    private static <T extends Tally<T>> void checkMerges(Case<T> c, RunEnd end) {
        double whole = c.metric.value(c.whole, end);
        assertThat(whole).as("the metric measures something in this run").isNotNaN();
        for (T merged : c.groupings()) {
            assertThat(c.metric.value(merged, end)).isCloseTo(whole, org.assertj.core.data.Percentage.withPercentage(1e-10));
        }
        assertThat(c.metric.value(c.merged(c.days), end)).as("days pooled")
                .isCloseTo(whole, org.assertj.core.data.Percentage.withPercentage(1e-10));
        c.metric.perDay().ifPresent(perDay -> assertThat(perDay.applyAsDouble(c.merged(c.days))).isEqualTo(
                c.metric.value(c.merged(c.days), end)));
    }

    @TestFactory
    List<DynamicTest> everyMetricIsNanWhenThereIsNothingToMeasure() {
        RunShape empty = new RunShape(new Catalog(List.of(), 3, 1), HORIZON, OPTIONS);
        RunEnd end = new RunEnd(empty, List.of(), List.of());
        return Metrics.forRun(OPTIONS).stream().map(metric -> DynamicTest.dynamicTest(metric.name(),
                () -> assertThat(emptyValue(metric, empty, end)).isNaN())).toList();
    }

    private static <T extends Tally<T>> double emptyValue(Metric<T> metric, RunShape run, RunEnd end) {
        return metric.value(metric.newTally(run), end);
    }

    @TestFactory
    List<DynamicTest> aDailyValueIsEmptyOnADayWithoutVisits() {
        RunShape run = new RunShape(catalog(), HORIZON, OPTIONS);
        return Metrics.forRun(OPTIONS).stream().filter(m -> m.perDay().isPresent())
                .map(metric -> DynamicTest.dynamicTest(metric.name(), () -> assertThat(emptyDay(metric, run)).isNaN()))
                .toList();
    }

    private static <T extends Tally<T>> double emptyDay(Metric<T> metric, RunShape run) {
        ToDoubleFunction<T> perDay = metric.perDay().orElseThrow();
        return perDay.applyAsDouble(metric.newTally(run));
    }
}

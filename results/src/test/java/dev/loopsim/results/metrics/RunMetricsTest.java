package dev.loopsim.results.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import dev.loopsim.core.world.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    private static final Page PAGE = new Page(1, 3, List.of("top-picks"), new int[] {0, 1, -1});

    /** Ten titles of genre i % 2; titles 8 and 9 released on days 2 and 4. */
    private static dev.loopsim.core.world.Catalog catalog() {
        List<dev.loopsim.core.world.Title> titles = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double[] genres = i % 2 == 0 ? new double[] {1, 0} : new double[] {0, 1};
            titles.add(new dev.loopsim.core.world.Title(i, genres, new double[] {0}, 0, i == 8 ? 2 : i == 9 ? 4 : 0, 1, false));
        }
        return new dev.loopsim.core.world.Catalog(titles, 2, 1);
    }

    private static VisitResponse played(int slot, double watch, double p) {
        return new VisitResponse(new boolean[] {true, true, false}, slot, watch, watch, p, false);
    }

    private static VisitResponse nothing(double p) {
        return new VisitResponse(new boolean[] {true, false, false}, -1, 0, -0.3, p, false);
    }

    @Test
    void countsVisitsPlaysCoverageAndRegretAcrossShards() {
        RunMetrics metrics = new RunMetrics(catalog(), 14, new MetricOptions(0.5, List.of(7), true));
        ShardObserver a = metrics.shard(0);
        ShardObserver b = metrics.shard(1);
        MemberState m0 = Members.member(0, 1, new double[] {1}, new double[] {0}, 5, 1);
        MemberState m1 = Members.member(1, 1, new double[] {1}, new double[] {0}, 5, 1);
        a.visit(m0, 0.2, PAGE, played(0, 0.9, 0.6), 0.8);
        b.visit(m1, 0.5, PAGE, nothing(0.3), 0.5);
        metrics.snapshot(0);
        a.visit(m0, 6.5, PAGE, played(1, 0.2, 0.4), 0.4);
        b.reward(m1, new RewardFeedback(6.6, 1, 1, 0, 3.0, 1));
        metrics.snapshot(1); // days 1..6 folded into one row: only snapshots matter here
        metrics.finish(14, List.of(m0, m1));

        List<DailyRow> daily = metrics.daily();
        assertThat(daily.get(0)).isEqualTo(new DailyRow(0, 2, 2, 4, 1, 1, 0, new long[] {1, 0}, 0, java.util.Map.of(
                Metrics.TAKE_FRACTION, 1 / 4.0, Metrics.PLAYS_PER_VISIT, 1 / 2.0, Metrics.ENJOYMENT_PER_PLAY, 0.9,
                Metrics.EXPECTED_REGRET_PER_VISIT, ((0.8 - 0.6) + (0.5 - 0.3)) / 2)));
        assertThat(daily.get(1).genrePlays()).containsExactly(0, 1);
        assertThat(daily.get(1).visits()).isEqualTo(1);
        assertThat(daily.get(1).completions()).isEqualTo(1);
        var summary = metrics.summary();
        assertThat(summary.get(Metrics.TAKE_FRACTION)).isCloseTo(2 / 6.0, offset(1e-12));
        assertThat(summary.get(Metrics.PLAYS_PER_VISIT)).isCloseTo(2 / 3.0, offset(1e-12));
        assertThat(summary.get(Metrics.PLAYS_PER_MEMBER)).isEqualTo(1.0);
        assertThat(summary.get(Metrics.VISITS_PER_MEMBER_WEEK)).isCloseTo(3 / (28 / 7.0), offset(1e-12));
        assertThat(summary.get(Metrics.ENJOYMENT_PER_PLAY)).isCloseTo(0.55, offset(1e-12));
        assertThat(summary.get(Metrics.QUALITY_PLAY_SHARE)).isEqualTo(0.5);
        assertThat(summary.get(Metrics.EXPECTED_REGRET_PER_VISIT)).isCloseTo(0.4 / 3, offset(1e-12));
        assertThat(summary.get(Metrics.CATALOG_COVERAGE)).isEqualTo(0.2);
        assertThat(summary.get(Metrics.CHURN_RATE)).isZero();
        // Impressions: title 0 three times, title 1 three times, the other eight released titles never (8 and 9 count too).
        assertThat(summary.get(Metrics.EXPOSURE_GINI)).isCloseTo(Exposure.gini(new long[] {3, 3, 0, 0, 0, 0, 0, 0, 0, 0}), offset(1e-12));
        // Every page shows titles 0 (genre 0) and 1 (genre 1): diversity 1.
        assertThat(summary.get(Metrics.INTRA_LIST_DIVERSITY)).isCloseTo(1, offset(1e-12));
        // Member 0 played {0, 1} (slots 0 then 1 of the page); member 1 nothing: Jaccard 0.
        assertThat(summary.get(Metrics.HOMOGENIZATION)).isZero();
        // Titles 8 (released day 2) and 9 (day 4) were never played: both count as played at the horizon, day 14.
        assertThat(summary.get(Metrics.NEW_TITLE_DAYS_TO_FIRST_PLAY)).isEqualTo(((14 - 2) + (14 - 4)) / 2.0);
        assertThat(summary.get(Metrics.PLAY_COVERAGE)).isEqualTo(0.2);
        assertThat(summary.get(Metrics.COMPLETIONS_PER_MEMBER)).isEqualTo(0.5);
        // Only member 0 visited in days [0, 7) after joining ... and so did member 1 (day 0.5).
        assertThat(summary.get("retention_d7")).isEqualTo(1.0);
    }

    @Test
    void churnEndsAMembersPresenceAndIsCountedOnItsDay() {
        RunMetrics metrics = new RunMetrics(catalog(), 10, new MetricOptions(0.5, List.of(7), false));
        ShardObserver shard = metrics.shard(0);
        MemberState stays = Members.member(0, 1, new double[] {1}, new double[] {0}, 5, 1);
        MemberState leaves = Members.member(1, 1, new double[] {1}, new double[] {0}, 5, 1);
        leaves.markChurned(3.5);
        shard.visit(stays, 1, PAGE, played(0, 0.9, 0.5), Double.NaN);
        Page withNewTitle = new Page(1, 3, List.of("top-picks"), new int[] {0, 8, -1});
        shard.visit(leaves, 2, withNewTitle, played(1, 0.9, 0.5), Double.NaN);
        for (int d = 0; d < 10; d++) {
            metrics.snapshot(d);
        }
        metrics.finish(10, List.of(stays, leaves));
        assertThat(metrics.summary().get(Metrics.CHURN_RATE)).isEqualTo(0.5);
        assertThat(metrics.summary().get(Metrics.VISITS_PER_MEMBER_WEEK)).isCloseTo(2 / (13.5 / 7), offset(1e-12));
        assertThat(metrics.daily().get(3).churned()).isEqualTo(1);
        assertThat(metrics.daily().stream().mapToLong(DailyRow::churned).sum()).isEqualTo(1);
        // Title 8 was released on day 2 and played on day 2; title 9 never (counts as 10 − 4).
        assertThat(metrics.summary().get(Metrics.NEW_TITLE_DAYS_TO_FIRST_PLAY)).isEqualTo((0 + 6) / 2.0);
    }

    @Test
    void retentionCountsOnlyMembersWhoseWeekFitsBeforeTheHorizon() {
        RunMetrics metrics = new RunMetrics(catalog(), 10, new MetricOptions(0.5, List.of(7), false));
        ShardObserver shard = metrics.shard(0);
        var streams = dev.loopsim.core.random.RandomStreams.of(1, 0);
        MemberState early = Members.member(0, 1, new double[] {1}, new double[] {0}, 5, 1);
        MemberState late = new MemberState(new MemberProfile(1, new double[] {1}, new double[] {0}, 1, 9.0), 5,
                new MemberState.MemberStreams(streams.forMember(1, "a"), streams.forMember(1, "b"),
                        streams.forMember(1, "c"), streams.forMember(1, "d"), streams.forMember(1, "e")));
        MemberState absent = Members.member(2, 1, new double[] {1}, new double[] {0}, 5, 1);
        shard.visit(late, 9.5, PAGE, nothing(0.1), Double.NaN);
        shard.visit(early, 3, PAGE, nothing(0.1), Double.NaN);
        metrics.finish(10, List.of(early, late, absent));
        // Eligible: joined by day 3 (early, absent); retained: early. The late joiner is not counted.
        assertThat(metrics.summary().get("retention_d7")).isEqualTo(0.5);
        assertThat(metrics.summary().get("new_member_retention_d7")).as("no member who joined late is eligible").isNaN();
        assertThat(metrics.summary()).doesNotContainKey(Metrics.EXPECTED_REGRET_PER_VISIT);
    }
}

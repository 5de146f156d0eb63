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

    private static VisitResponse played(int slot, double watch, double p) {
        return new VisitResponse(new boolean[] {true, true, false}, slot, watch, watch, p, false);
    }

    private static VisitResponse nothing(double p) {
        return new VisitResponse(new boolean[] {true, false, false}, -1, 0, -0.3, p, false);
    }

    @Test
    void countsVisitsPlaysCoverageAndRegretAcrossShards() {
        RunMetrics metrics = new RunMetrics(10, 0.5, List.of(7), true);
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
        assertThat(daily.get(0)).isEqualTo(new DailyRow(0, 2, 2, 4, 1, 1, 0, 0.9, (0.8 - 0.6) + (0.5 - 0.3)));
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
        assertThat(summary.get(Metrics.PLAY_COVERAGE)).isEqualTo(0.2);
        assertThat(summary.get(Metrics.COMPLETIONS_PER_MEMBER)).isEqualTo(0.5);
        // Only member 0 visited in days [0, 7) after joining ... and so did member 1 (day 0.5).
        assertThat(summary.get("retention_d7")).isEqualTo(1.0);
    }

    @Test
    void retentionCountsOnlyMembersWhoseWeekFitsBeforeTheHorizon() {
        RunMetrics metrics = new RunMetrics(1, 0.5, List.of(7), false);
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
        assertThat(metrics.summary()).doesNotContainKey(Metrics.EXPECTED_REGRET_PER_VISIT);
    }
}

package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.engine.Simulation;
import dev.loopsim.core.engine.SimulationSetup;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.PageBuilder;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's events (DESIGN §3) on a small world where titles and members arrive over time. */
class SimulationEventsTest {
    private static final String SCENARIO = """
            name: events
            horizon_days: 12
            update_every: 6h
            world:
              catalog: {titles: 80, new_title_share: 0.3, release_window_days: 10, series_share: 0.6}
              population: {members: 400, new_member_share: 0.3, join_window_days: 10, visits_per_week_median: 6}
              response: {completion_delay_days: 2}
            cells:
              - name: random
                ranker: {type: random}
                retrain_every: 2d
            """;

    record Seen(int member, double day, int[] titles, int playedTitle) { }

    static final List<Seen> visits = Collections.synchronizedList(new ArrayList<>());
    static final List<RewardFeedback> rewards = Collections.synchronizedList(new ArrayList<>());
    static final List<FeedbackBatch> batches = new ArrayList<>();
    static final List<Double> retrains = new ArrayList<>();
    static WorldBuilder.World world;

    @BeforeAll
    static void run() throws Exception {
        ScenarioSpec spec = ScenarioLoader.load(new ScenarioSource("events.yaml", SCENARIO)).spec();
        WorldBuilder builder = new WorldBuilder(spec);
        world = builder.world(0);
        SimulationSetup base = builder.setup(world, spec.cells().get(0));
        PageBuilder recording = new PageBuilder() {
            @Override
            public Page build(DecisionContext context) {
                return base.pages().build(context);
            }

            @Override
            public void learn(FeedbackBatch batch) {
                batches.add(batch);
            }

            @Override
            public void retrain(double day) {
                retrains.add(day);
            }
        };
        SimulationSetup setup = new SimulationSetup(base.catalog(), base.members(), base.response(), base.visits(),
                recording, null, base.streams(), base.horizonDays(), base.updateEveryDays(), base.retrainEveryDays(),
                base.shards(), base.searchShare(), base.truth());
        RunObserver observer = new RunObserver() {
            @Override
            public ShardObserver shard(int index) {
                return new ShardObserver() {
                    @Override
                    public void visit(MemberState member, double day, Page page, VisitResponse response, double oracle) {
                        visits.add(new Seen(member.id(), day, page.titles(),
                                response.played() ? page.titleAt(response.playedSlot()) : -1));
                    }

                    @Override
                    public void reward(MemberState member, RewardFeedback reward) {
                        rewards.add(reward);
                    }
                };
            }
        };
        var executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            new Simulation(setup, observer, executor, null).run();
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void membersVisitOnlyAfterJoining() {
        assertThat(visits).isNotEmpty();
        for (Seen v : visits) {
            assertThat(v.day()).isGreaterThanOrEqualTo(world.members().get(v.member()).joinDay()).isLessThan(12);
        }
        long lateJoinersWhoVisited = visits.stream().filter(v -> world.members().get(v.member()).joinDay() > 0)
                .map(Seen::member).distinct().count();
        assertThat(lateJoinersWhoVisited).isGreaterThan(50);
    }

    @Test
    void titlesAreShownOnlyAfterTheirRelease() {
        long newTitlesShown = 0;
        for (Seen v : visits) {
            for (int title : v.titles()) {
                if (title >= 0) {
                    double release = world.catalog().title(title).releaseDay();
                    assertThat(v.day()).isGreaterThanOrEqualTo(release);
                    newTitlesShown += release > 0 ? 1 : 0;
                }
            }
        }
        assertThat(newTitlesShown).isGreaterThan(0);
    }

    @Test
    void completionsArriveLaterAndOnlyForPlayedSeries() {
        assertThat(rewards).isNotEmpty();
        for (RewardFeedback r : rewards) {
            assertThat(r.day()).isGreaterThan(r.playDay());
            assertThat(world.catalog().title(r.titleId()).series()).isTrue();
            assertThat(visits).anyMatch(v -> v.member() == r.memberId() && v.day() == r.playDay() && v.playedTitle() == r.titleId());
        }
    }

    @Test
    void everyVisitReachesLearnersOnceInItsWindowInTimeOrder() {
        List<Double> fed = new ArrayList<>();
        for (FeedbackBatch batch : batches) {
            assertThat(batch.toDay() - batch.fromDay()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(batch.visits()).isSortedAccordingTo(Comparator.comparingDouble((dev.loopsim.core.policy.VisitFeedback f) -> f.day())
                    .thenComparingInt(f -> f.memberId()));
            for (var visit : batch.visits()) {
                assertThat(visit.day()).isGreaterThanOrEqualTo(batch.fromDay()).isLessThan(batch.toDay());
                fed.add(visit.day());
            }
            for (RewardFeedback reward : batch.rewards()) {
                assertThat(reward.day()).isGreaterThanOrEqualTo(batch.fromDay()).isLessThan(batch.toDay());
            }
        }
        // Updates every 6 h up to (not at) the horizon: 47 batches; visits after the last one are never fed.
        assertThat(batches).hasSize(47);
        long beforeLastUpdate = visits.stream().filter(v -> v.day() < 11.75).count();
        assertThat(fed).hasSize((int) beforeLastUpdate);
    }

    @Test
    void retrainsHappenOnSchedule() {
        assertThat(retrains).containsExactly(2.0, 4.0, 6.0, 8.0, 10.0);
    }
}

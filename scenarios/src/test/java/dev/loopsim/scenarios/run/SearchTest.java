package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.engine.Simulation;
import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The open loop: a share of visits skip the page and play what search turns up. */
class SearchTest {
    private static final String SCENARIO = """
            name: search
            horizon_days: 20
            update_every: 6h
            world:
              catalog: {titles: 200}
              population: {members: 1500, visits_per_week_median: 4}
              search: {share: 0.3, candidates: 10}
            cells:
              - name: popularity
                ranker: {type: popularity}
            """;

    @Test
    void aShareOfVisitsGoesToSearchAndItsPlaysReachTheLearners() throws Exception {
        var spec = ScenarioLoader.load(new ScenarioSource("search.yaml", SCENARIO)).spec();
        WorldBuilder builder = new WorldBuilder(spec);
        var world = builder.world(0);
        var setup = builder.setup(world, spec.cells().get(0));
        AtomicLong pageVisits = new AtomicLong();
        AtomicLong searchVisits = new AtomicLong();
        AtomicLong searchPlays = new AtomicLong();
        List<VisitFeedback> fed = new ArrayList<>();
        List<Double> searchDays = java.util.Collections.synchronizedList(new ArrayList<>());
        double[] lastFed = {0};
        var pages = setup.pages();
        var recording = new dev.loopsim.core.policy.PageBuilder() {
            @Override
            public Page build(dev.loopsim.core.policy.DecisionContext context) {
                return pages.build(context);
            }

            @Override
            public void learn(FeedbackBatch batch) {
                fed.addAll(batch.visits());
                lastFed[0] = batch.toDay();
                pages.learn(batch);
            }
        };
        var recorded = new dev.loopsim.core.engine.SimulationSetup(setup.catalog(), setup.members(), setup.response(),
                setup.visits(), recording, null, setup.streams(), setup.horizonDays(), setup.updateEveryDays(),
                setup.retrainEveryDays(), setup.shards(), setup.searchShare(), setup.truth());
        RunObserver observer = new RunObserver() {
            @Override
            public ShardObserver shard(int index) {
                return new ShardObserver() {
                    @Override
                    public void visit(MemberState member, double day, Page page, VisitResponse response, double oracle) {
                        pageVisits.incrementAndGet();
                    }

                    @Override
                    public void search(MemberState member, double day, SearchResponse response) {
                        searchVisits.incrementAndGet();
                        searchDays.add(day);
                        searchPlays.addAndGet(response.played() ? 1 : 0);
                    }
                };
            }
        };
        new Simulation(recorded, observer, null, null).run();
        long visits = pageVisits.get() + searchVisits.get();
        assertThat(visits).isGreaterThan(10_000);
        // Each visit is a search with probability 0.3: 5 binomial standard deviations.
        double share = searchVisits.get() / (double) visits;
        assertThat(Math.abs(share - 0.3)).isLessThan(5 * Math.sqrt(0.3 * 0.7 / visits));
        // Search visits reach the learners (all but those after the last policy update) with no page and the title found.
        List<VisitFeedback> searched = fed.stream().filter(VisitFeedback::searched).toList();
        assertThat(searched).hasSize((int) searchDays.stream().filter(d -> d <= lastFed[0]).count());
        assertThat(searched.stream().filter(VisitFeedback::played).count()).isPositive()
                .isLessThanOrEqualTo(searchPlays.get());
        assertThat(searched).allMatch(v -> v.page().slots() == 0 && v.playedSlot() < 0 && v.playedArtwork() == 0);
        assertThat(searched.stream().filter(VisitFeedback::played).mapToInt(VisitFeedback::playedTitle).distinct().count())
                .as("search finds titles all over the catalog, not just the page's").isGreaterThan(150);
    }
}

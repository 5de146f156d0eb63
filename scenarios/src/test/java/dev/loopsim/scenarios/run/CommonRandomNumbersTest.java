package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.engine.Simulation;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Counterfactual cells share the world's random numbers: what no policy has touched yet is identical. */
class CommonRandomNumbersTest {
    private static final String SCENARIO = """
            name: crn
            horizon_days: 10
            world:
              population: {members: 300}
              catalog: {titles: 100}
            cells:
              - {name: random, ranker: {type: random}}
              - {name: oracle, ranker: {type: oracle}}
            """;

    /** Each member's first visit and whether they examined the first slot on it. */
    private static Map<Integer, String> firstVisits(ScenarioSpec spec, String cell) {
        WorldBuilder builder = new WorldBuilder(spec);
        Map<Integer, String> first = new TreeMap<>();
        RunObserver observer = index -> new ShardObserver() {
            @Override
            public void visit(MemberState member, double day, Page page, VisitResponse response, double oracle) {
                synchronized (first) {
                    first.putIfAbsent(member.id(), day + "/" + response.examined()[0] + response.examined()[7]);
                }
            }
        };
        new Simulation(builder.setup(builder.world(0), spec.cell(cell)), observer, null, null).run();
        return first;
    }

    @Test
    void everyMembersFirstVisitIsTheSameInEveryCell() throws Exception {
        ScenarioSpec spec = ScenarioLoader.load(new ScenarioSource("crn.yaml", SCENARIO)).spec();
        Map<Integer, String> random = firstVisits(spec, "random");
        Map<Integer, String> oracle = firstVisits(spec, "oracle");
        assertThat(random).hasSizeGreaterThan(250).isEqualTo(oracle);
    }
}

package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.load.Sweeps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {
    private static final String SCENARIO = """
            name: sweep
            replicates: 2
            horizon_days: 5
            world:
              catalog: {titles: 40}
              population: {members: 200}
            page: {rows: 1, columns: 4}
            cells:
              - {name: popular, ranker: {type: popularity}}
              - {name: random, ranker: {type: random}}
            metrics: {regret: false}
            """;

    private static Sweeps.Sweep sweep(String block) throws ScenarioException {
        return ScenarioLoader.sweep(new ScenarioSource("s.yaml", SCENARIO + block), List.of());
    }

    @Test
    void aGridIsEveryCombinationAndAListIsItsPoints() throws ScenarioException {
        Sweeps.Sweep grid = sweep("sweep:\n  grid:\n    cells.popular.explore: [0, 0.5]\n    world.population.members: [100, 200, 300]\n");
        assertThat(grid.parameters()).containsExactly("cells.popular.explore", "world.population.members");
        assertThat(grid.points()).hasSize(6);
        assertThat(grid.points().get(4).values()).isEqualTo(Map.of("cells.popular.explore", "0.5", "world.population.members", "200"));
        var spec = grid.points().get(4).loaded().spec();
        assertThat(spec.cell("popular").explore()).isEqualTo(0.5);
        assertThat(spec.world().population().members()).isEqualTo(200);
        Sweeps.Sweep list = sweep("sweep:\n  points:\n    - {horizon_days: 3}\n    - {horizon_days: 4}\n");
        assertThat(list.points()).extracting(p -> p.loaded().spec().horizonDays()).containsExactly(3.0, 4.0);
        assertThat(sweep("").isSweep()).isFalse();
    }

    @Test
    void badSweepsAreLocated() {
        ScenarioException block = catchThrowableOfType(ScenarioException.class, () -> sweep("sweep: {grid: {}, points: []}\n"));
        assertThat(block.problem()).contains("expected 'grid:'");
        ScenarioException value = catchThrowableOfType(ScenarioException.class,
                () -> sweep("sweep:\n  grid:\n    world.population.members: [100, -1]\n"));
        assertThat(value.getMessage()).contains("--set world.population.members=-1", "members must be >= 1");
        ScenarioException paths = catchThrowableOfType(ScenarioException.class,
                () -> sweep("sweep:\n  points:\n    - {horizon_days: 3}\n    - {seed: 4}\n"));
        assertThat(paths.yamlPath()).isEqualTo("sweep.points.1");
        assertThat(catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(
                new ScenarioSource("s.yaml", SCENARIO + "sweep: {points: [{seed: 2}]}\n"))).problem()).contains("is a sweep");
    }

    /** Points run side by side, each on its share of the threads, give what each gives alone on one thread. */
    @Test
    void aSweepsPointsAreTheSamePointsRunAlone() throws Exception {
        Sweeps.Sweep sweep = sweep("sweep:\n  grid:\n    cells.popular.explore: [0, 0.3]\n    seed: [1, 2]\n");
        List<SweepRunner.PointResult> results = SweepRunner.run(sweep, 2, ProgressListener.NONE);
        assertThat(results).hasSize(4);
        for (SweepRunner.PointResult result : results) {
            var alone = new ExperimentRunner(1, ProgressListener.NONE).run(ScenarioLoader.load(new ScenarioSource("s.yaml",
                    SCENARIO), overrides(result.point())).spec());
            assertThat(outcomes(result.result())).isEqualTo(outcomes(alone));
        }
        assertThat(outcomes(results.get(0).result())).isNotEqualTo(outcomes(results.get(1).result()));
        String tidy = SweepRunner.tidy(sweep, results);
        assertThat(tidy.lines().findFirst().orElseThrow())
                .isEqualTo("point,cells.popular.explore,seed,cell,replicate,day,metric,value");
        assertThat(tidy).contains("\n3,0.3,2,random,1,,take_fraction,", "\n0,0,1,popular,0,4,plays,");
    }

    /** What a run measured, without its wall time. */
    private static List<Object> outcomes(ExperimentResult result) {
        return result.runs().stream().map(r -> (Object) List.of(r.cell(), r.replicate(), r.metrics(), r.daily().stream()
                .map(d -> List.of(d.visits(), d.plays(), d.impressions(), d.metric(dev.loopsim.results.metrics.Metrics.ENJOYMENT_PER_PLAY))).toList())).toList();
    }

    private static List<String> overrides(Sweeps.Point point) {
        return point.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}

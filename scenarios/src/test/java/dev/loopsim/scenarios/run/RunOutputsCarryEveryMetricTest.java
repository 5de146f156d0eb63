package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopsim.results.metrics.Metric;
import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every metric in the registry reaches the run directory: summary.json, runs.csv and, if daily, daily.csv. */
class RunOutputsCarryEveryMetricTest {

    @Test
    void everyRegisteredMetricIsWritten(@TempDir Path tmp) throws Exception {
        var loaded = ScenarioLoader.load(ScenarioSource.resolve("quickstart"),
                List.of("world.population.members=100", "horizon_days=30", "replicates=2"));
        ExperimentResult result = new ExperimentRunner(1, ProgressListener.NONE).run(loaded.spec());
        Path out = tmp.resolve("run");
        RunWriter.finish(RunWriter.start(out, loaded.resolvedYaml()), result, 1);

        List<String> registered = Metrics.forRun(loaded.spec().metricOptions()).stream().map(Metric::name).toList();
        JsonNode cells = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("cells");
        List<String> summarised = new ArrayList<>();
        cells.path("random").fieldNames().forEachRemaining(summarised::add);
        assertThat(summarised).containsAll(registered);

        List<String> runsHeader = header(out.resolve("runs.csv"));
        assertThat(runsHeader).containsAll(registered);
        List<String> dailyHeader = header(out.resolve("daily.csv"));
        List<String> daily = Metrics.forRun(loaded.spec().metricOptions()).stream()
                .filter(m -> m.perDay().isPresent()).map(Metric::name).toList();
        assertThat(daily).isNotEmpty();
        assertThat(dailyHeader).containsAll(daily).doesNotContain(Metrics.HEAD_TAKE_FRACTION);
    }

    private static List<String> header(Path csv) throws Exception {
        return Arrays.asList(Files.readAllLines(csv).get(0).split(","));
    }
}

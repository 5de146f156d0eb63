package dev.loopsim.cli;

import static dev.loopsim.cli.CommandLineTest.loopsim;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardCommandTest {
    @TempDir
    Path temp;

    @Test
    void scorecardForecastsEachArmFromTheOtherAndWritesItsJson() throws Exception {
        Path out = temp.resolve("scorecard.json");
        var o = loopsim("scorecard", "--data", "../data/obd-sample", "--draws", "200", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("random -> bts", "bts -> random", "fitted simulator", "off-policy ips", "off-policy snips",
                "off-policy dr", "naive (random's own rate)", "observed (69 clicks)");
        JsonNode lines = new ObjectMapper().readTree(out.toFile()).get("open_bandit_dataset");
        assertThat(lines).hasSize(4);
        for (JsonNode line : lines) {
            assertThat(line.get("rounds").asInt()).isEqualTo(10_000);
            assertThat(line.get("forecasts")).hasSize(5);
            double observed = line.get("observed").asDouble();
            assertThat(observed).isEqualTo(line.get("clicks").asInt() / 10_000.0);
            for (JsonNode f : line.get("forecasts")) {
                double lower = f.get("lower").asDouble();
                double upper = f.get("upper").asDouble();
                assertThat(lower).isLessThanOrEqualTo(upper);
                assertThat(f.get("covers").asBoolean()).isEqualTo(lower <= observed && observed <= upper);
                assertThat(f.get("error").asDouble()).isEqualTo(f.get("estimate").asDouble() - observed);
            }
            // The naive forecast is the training arm's own rate.
            assertThat(line.get("forecasts").get(4).get("estimate").asDouble()).isEqualTo(line.get("trained_arm_rate").asDouble());
        }
        // men: BTS's 69 clicks against random's 46 in the same A/B test.
        assertThat(lines.get(0).get("clicks").asInt()).isEqualTo(69);
        assertThat(lines.get(0).get("trained_arm_rate").asDouble()).isEqualTo(0.0046);
        assertThat(loopsim("scorecard", "--data", temp.resolve("nowhere").toString()).code()).isEqualTo(2);
        assertThat(Files.exists(out)).isTrue();
    }
}

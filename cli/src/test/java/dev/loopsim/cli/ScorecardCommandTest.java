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
        var o = loopsim("scorecard", "--only", "obd", "--data", "../data/obd-sample", "--draws", "200", "--out",
                out.toString());
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
        assertThat(loopsim("scorecard", "--only", "obd", "--data", temp.resolve("nowhere").toString()).code()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(out.toFile()).get("known_truth")).isEmpty();
        assertThat(Files.exists(out)).isTrue();
    }

    /**
     * The command end to end, on the smallest worlds it takes (100 members, 2 of each kind): the
     * fitted simulator's accuracy at a useful size is FittedSimulatorRecoveryTest's. Here the
     * simulator fitted on the random cell reproduces that cell's take fraction: the truth and the
     * prediction each come from about 17,000 impressions at a rate near 0.04, a standard error of
     * about 0.0021 for their difference, so ±0.01 is 4.7 of them (a false failure about once in
     * 400,000 per world).
     */
    @Test
    void knownTruthFitsEachWorldOnItsRandomCellAndPredictsEveryCell() throws Exception {
        Path out = temp.resolve("truth.json");
        // Three of the four worlds: `leaving`, whose churn fit is the dearest, is FittedSimulatorRecoveryTest's.
        var o = loopsim("scorecard", "--only", "known-truth", "--members", "100", "--replicates", "2", "--worlds",
                "stationary,boredom,satisfaction-driven", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("stationary", "boredom", "satisfaction-driven", "active_last_28d").doesNotContain("leaving");
        JsonNode lines = new ObjectMapper().readTree(out.toFile()).get("known_truth");
        assertThat(lines).hasSize(3 * 2 * 3);
        for (JsonNode line : lines) {
            assertThat(line.get("worlds").asInt()).isEqualTo(2);
            if (line.get("trained_on").asBoolean() && line.get("metric").asText().equals("take_fraction")) {
                assertThat(Math.abs(line.get("error").asDouble())).as(line.toString()).isLessThan(0.01);
            }
        }
        assertThat(new ObjectMapper().readTree(out.toFile()).get("open_bandit_dataset")).isEmpty();
        var unknown = loopsim("scorecard", "--only", "known-truth", "--worlds", "stationary,lunar", "--out",
                temp.resolve("x.json").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--worlds must name worlds among stationary, boredom, satisfaction-driven, leaving, "
                + "found 'lunar'");
    }
}

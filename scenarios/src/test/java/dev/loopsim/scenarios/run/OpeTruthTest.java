package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loopsim.results.ope.OpeEstimate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeTruthTest {

    private static OpeTruth.Row row(int replicate, String estimator, double value, double halfWidth, double truth) {
        return new OpeTruth.Row(replicate, "t", new OpeEstimate(estimator, value, value, value - halfWidth, value + halfWidth, 100,
                OpeEstimate.NORMAL, OpeEstimate.Diagnostics.NONE, OpeEstimate.Status.OK, ""), truth);
    }

    @Test
    void biasRmseAndCoverageByHand() {
        List<OpeTruth.Row> rows = List.of(row(0, "ips", 0.5, 0.1, 0.45), row(1, "ips", 0.3, 0.1, 0.45),
                row(0, "dm", 0.2, 0.01, 0.45), row(1, "dm", 0.2, 0.01, 0.45));
        List<OpeTruth.Summary> s = OpeTruth.summarise(rows);
        assertThat(s).extracting(OpeTruth.Summary::estimator).containsExactly("ips", "dm");
        assertThat(s.get(0).bias()).isCloseTo(-0.05, within(1e-12)); // (0.05 − 0.15) / 2
        assertThat(s.get(0).rmse()).isCloseTo(Math.sqrt((0.05 * 0.05 + 0.15 * 0.15) / 2), within(1e-12));
        assertThat(s.get(0).coverage()).isEqualTo(0.5);
        assertThat(s.get(1).bias()).isCloseTo(-0.25, within(1e-12));
        assertThat(s.get(1).coverage()).isZero();
    }

    @Test
    void trustGoesToTheMostAccurateEstimatorWhoseIntervalsHoldTheirPromise() {
        List<OpeTruth.Row> rows = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            rows.add(row(r, "ips", 0.45 + (r % 2 == 0 ? 0.03 : -0.03), 0.1, 0.45)); // covers, rmse 0.03
            rows.add(row(r, "dm", 0.46, 0.001, 0.45)); // more accurate, never covers
            rows.add(row(r, "dr", 0.45 + (r % 2 == 0 ? 0.02 : -0.02), 0.1, 0.45)); // covers, rmse 0.02
        }
        assertThat(OpeTruth.trusted(OpeTruth.summarise(rows))).isEqualTo("dr");
        List<OpeTruth.Row> none = rows.stream().filter(r -> r.estimate().estimator().equals("dm")).toList();
        assertThat(OpeTruth.trusted(OpeTruth.summarise(none))).startsWith("dm (no estimator's interval");
    }
}

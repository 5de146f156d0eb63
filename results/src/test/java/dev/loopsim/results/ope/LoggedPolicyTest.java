package dev.loopsim.results.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.random.RandomStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class LoggedPolicyTest {

    /** A policy that switches at noon from (0.7, 0.2, 0.1) to (0.1, 0.2, 0.7), logged with its exact propensities. */
    @Test
    void aSteadyPolicyIsRebuiltExactlyFromItsPropensitiesAndASwitchIsFollowed() {
        UniformRandomProvider random = RandomStreams.of(5, 0).forWorld("logged-policy");
        double[][] phases = {{0.7, 0.2, 0.1}, {0.1, 0.2, 0.7}};
        List<BanditLog.Row> rows = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            double time = i * 24 * 3600.0 / 4000;
            double[] p = phases[time < 12 * 3600 ? 0 : 1];
            double u = random.nextDouble();
            int a = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            rows.add(new BanditLog.Row(a, 1, 0, p[a], "", new double[0], time));
        }
        LoggedPolicy policy = LoggedPolicy.of(new BanditLog("switch", 3, rows), 3);
        // Every action is logged within each window, at its exact, steady propensity: the harmonic mean is that value.
        assertThat(policy.probabilities(at(3 * 3600))).containsExactly(new double[] {0.7, 0.2, 0.1}, offset(1e-12));
        assertThat(policy.probabilities(at(20 * 3600))).containsExactly(new double[] {0.1, 0.2, 0.7}, offset(1e-12));
    }

    private static BanditLog.Row at(double time) {
        return new BanditLog.Row(0, 1, 0, 1, "", new double[0], time);
    }

    /** Bernoulli Thompson sampling against its own log: perfect weights would all be 1. */
    @Test
    void theOpenBanditDatasetsThompsonSamplingAgainstItsOwnLogGivesWeightsNearOne() {
        BanditLog log = OpenBanditDataset.read(Path.of("../data/obd-sample/bts/men/men.csv"));
        LoggedPolicy policy = LoggedPolicy.of(log, log.actions());
        double sum = 0;
        double squares = 0;
        for (BanditLog.Row row : log.rows()) {
            double w = policy.probabilities(row)[row.action()] / row.propensity();
            sum += w;
            squares += w * w;
        }
        int n = log.rows().size();
        assertThat(sum / n).isBetween(0.95, 1.0); // 0.97 (its logged propensities are Monte Carlo estimates themselves)
        assertThat(sum * sum / squares).isGreaterThan(0.95 * n); // 9,596 of 10,000
    }
}

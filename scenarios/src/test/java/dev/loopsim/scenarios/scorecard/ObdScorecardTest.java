package dev.loopsim.scenarios.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.results.ope.BanditLog;
import dev.loopsim.scenarios.fit.ClickLogs;
import dev.loopsim.users.fit.ClickLog;
import dev.loopsim.users.fit.ClickModelFitter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The fitted simulator's prediction interval means what it says: where the click model is the
 * truth, train on a uniformly random arm, forecast an arm that favours some items, and the 95%
 * interval covers the forecast arm's observed click rate about 95% of the time.
 */
class ObdScorecardTest {
    private static final int ITEMS = 12;
    private static final double[] EXAMINATION = {1.0, 0.7, 0.5};
    private static final double[] CONTEXT = {0.3, -0.3};

    private static double[] itemEffects(UniformRandomProvider random) {
        double[] b = new double[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            b[i] = -4.0 + 1.2 * (random.nextDouble() - 0.5);
        }
        return b;
    }

    /** An arm of n rounds whose policy shows item a with probability policy[a] in a uniformly chosen slot. */
    private static BanditLog arm(int n, double[] policy, double[] item, UniformRandomProvider random) {
        List<BanditLog.Row> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            double pick = random.nextDouble();
            int a = 0;
            while (a < ITEMS - 1 && (pick -= policy[a]) >= 0) {
                a++;
            }
            int slot = random.nextInt(3);
            int c = random.nextDouble() < 0.6 ? 0 : 1;
            double p = EXAMINATION[slot] / (1 + Math.exp(-(item[a] + CONTEXT[c])));
            rows.add(new BanditLog.Row(a, slot + 1, random.nextDouble() < p ? 1 : 0, policy[a], "c" + c, new double[0], r));
        }
        return new BanditLog("synthetic", ITEMS, rows);
    }

    /**
     * 40 pairs of arms of 8,000 rounds (about 1.8% clicks). With a correct 95% interval the number
     * that cover is Binomial(40, 0.95), 34 or fewer with probability 1.4%: the false-failure rate.
     * Too wide an interval would pass that, so the mean width must also stay below the forecast
     * arm's rate (measured: 38 of 40 cover, mean width 0.0095 against a rate of 0.018).
     */
    @Test
    void predictionIntervalsCoverTheForecastArmAtAboutTheirLevel() {
        int covered = 0;
        double width = 0;
        double rate = 0;
        int pairs = 40;
        for (int seed = 0; seed < pairs; seed++) {
            UniformRandomProvider random = RandomStreams.of(100 + seed, 0).forWorld("arms");
            double[] item = itemEffects(random);
            double[] uniform = new double[ITEMS];
            java.util.Arrays.fill(uniform, 1.0 / ITEMS);
            double[] favouring = new double[ITEMS];
            double total = 0;
            for (int a = 0; a < ITEMS; a++) {
                favouring[a] = Math.exp(2 * item[a]);
                total += favouring[a];
            }
            for (int a = 0; a < ITEMS; a++) {
                favouring[a] /= total;
            }
            BanditLog training = arm(8000, uniform, item, random);
            BanditLog other = arm(8000, favouring, item, random);
            ClickLog clicks = ClickLogs.of(training);
            double[][] shown = new double[other.rows().size()][];
            java.util.Arrays.fill(shown, favouring);
            double observed = other.rows().stream().mapToDouble(BanditLog.Row::reward).average().orElseThrow();
            Forecast f = ObdScorecard.simulated(ClickModelFitter.averaged(clicks), clicks, other, shown, 400,
                    RandomStreams.of(seed, 0).forWorld("draws"), observed, Double.NaN);
            covered += f.covers() ? 1 : 0;
            width += (f.upper() - f.lower()) / pairs;
            rate += observed / pairs;
        }
        System.out.printf("covered %d of %d, mean width %.5f, mean rate %.5f%n", covered, pairs, width, rate);
        assertThat(covered).as("intervals covering the observed rate, of " + pairs).isGreaterThanOrEqualTo(35);
        assertThat(width).as("mean interval width against the mean rate " + rate).isLessThan(rate);
    }
}

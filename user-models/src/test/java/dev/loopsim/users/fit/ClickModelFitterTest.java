package dev.loopsim.users.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery for the click model on logs drawn from known parameters. Each fit is held to
 * 8 checks at 3 standard errors (two slot effects, four item contrasts, one context contrast and
 * one cell's attraction logit): with correct standard errors a seed fails one with probability at
 * most 8 × 0.27% ≈ 2.2% (Bonferroni; the favouring log is fitted twice, weighted and not); the seeds here are fixed, so the outcome is reproducible.
 */
class ClickModelFitterTest {
    private static final double[] LOG_EXAMINATION = {0, Math.log(0.6), Math.log(0.35)};
    private static final double MU = -2.2;
    private static final double[] ITEM = {0.4, -0.3, 0.0, 0.8, -0.6};
    private static final double[] CONTEXT = {0.2, -0.2};

    private static double probability(int item, int slot, int context) {
        return Math.exp(LOG_EXAMINATION[slot]) / (1 + Math.exp(-(MU + ITEM[item] + CONTEXT[context])));
    }

    /** A log of n impressions; with {@code favour > 0} the logging policy shows item 3 that much more often. */
    private static ClickLog simulate(int n, double favour, long seed) {
        UniformRandomProvider random = dev.loopsim.core.random.RandomStreams.of(seed, 0).forWorld("clicks");
        int[] item = new int[n];
        int[] slot = new int[n];
        int[] context = new int[n];
        boolean[] click = new boolean[n];
        double[] propensity = new double[n];
        double[] show = {1, 1, 1, 1 + favour, 1};
        double total = 0;
        for (double s : show) {
            total += s;
        }
        for (int row = 0; row < n; row++) {
            double pick = random.nextDouble() * total;
            int i = 0;
            while (pick >= show[i]) {
                pick -= show[i++];
            }
            item[row] = i;
            slot[row] = random.nextInt(3);
            context[row] = random.nextDouble() < 0.7 ? 0 : 1;
            propensity[row] = show[i] / total;
            click[row] = random.nextDouble() < probability(i, slot[row], context[row]);
        }
        return new ClickLog("simulated", List.of("a", "b", "c", "d", "e"), List.of("x", "y"), 3, item, slot, context, click,
                propensity);
    }

    private static void assertRecovered(ClickModel model) {
        int slots = 3;
        int items = 5;
        for (int k = 1; k < slots; k++) {
            assertWithin(model, unit(model, k), LOG_EXAMINATION[k], "log examination of slot " + k);
        }
        for (int i = 1; i < items; i++) {
            double[] contrast = unit(model, slots + i);
            contrast[slots] = -1;
            assertWithin(model, contrast, ITEM[i] - ITEM[0], "item " + i + " − item 0");
        }
        double[] contextContrast = unit(model, slots + items + 1);
        contextContrast[slots + items] = -1;
        assertWithin(model, contextContrast, CONTEXT[1] - CONTEXT[0], "context 1 − context 0");
        double[] cell = unit(model, 0);
        cell[slots] = 1;
        cell[slots + items] = 1;
        assertWithin(model, cell, MU + ITEM[0] + CONTEXT[0], "attraction logit of item 0 in context 0");
    }

    private static double[] unit(ClickModel model, int parameter) {
        double[] v = new double[model.parameters().length];
        v[parameter] = 1;
        return v;
    }

    private static void assertWithin(ClickModel model, double[] v, double truth, String what) {
        double estimate = 0;
        double variance = 0;
        for (int a = 0; a < v.length; a++) {
            estimate += v[a] * model.parameters()[a];
            for (int b = 0; b < v.length; b++) {
                variance += v[a] * v[b] * model.covariance()[a][b];
            }
        }
        double se = Math.sqrt(variance);
        assertThat(se).as(what + " standard error").isPositive().isLessThan(0.2);
        assertThat(Math.abs(estimate - truth)).as(what + ": " + estimate + " ± " + se + " against " + truth).isLessThan(3 * se);
    }

    @Test
    void recoversEveryParameterFromAUniformLog() {
        ClickModel model = ClickModelFitter.fit(simulate(150_000, 0, 11));
        assertRecovered(model);
        // Cross-validation picks a prior about as wide as the true item effects' spread (0.52).
        assertThat(model.priorSd()).isBetween(0.25, 1.0);
    }

    @Test
    void recoversEveryParameterWhenTheLoggingPolicyFavouredAnItem() {
        ClickLog log = simulate(150_000, 3, 12);
        assertThat(log.uniformLogging()).isFalse();
        assertThat(log.inversePropensityWeighted()).isTrue();
        assertRecovered(ClickModelFitter.fit(log));
        // The model is right, so the plain likelihood recovers it too (--weighting none).
        assertThat(log.unweighted().inversePropensityWeighted()).isFalse();
        assertRecovered(ClickModelFitter.fit(log.unweighted()));
    }

    /** The fitted model reproduces the log's click rate in each slot, within 3 standard errors of the observed rate. */
    @Test
    void reproducesTheClickRateBySlot() {
        ClickLog log = simulate(60_000, 0, 13);
        ClickModel model = ClickModelFitter.fit(log);
        for (int k = 0; k < 3; k++) {
            double predicted = 0;
            int rows = 0;
            int clicks = 0;
            for (int row = 0; row < log.rows(); row++) {
                if (log.slot()[row] == k) {
                    predicted += model.probability(log.item()[row], k, log.context()[row]);
                    rows++;
                    clicks += log.click()[row] ? 1 : 0;
                }
            }
            double observed = (double) clicks / rows;
            assertThat(predicted / rows).as("slot " + k).isCloseTo(observed, org.assertj.core.data.Offset.offset(
                    3 * Math.sqrt(observed * (1 - observed) / rows)));
        }
    }

    @Test
    void aLogWithoutClicksIsRefused() {
        ClickLog log = new ClickLog("empty.csv", List.of("a"), List.of("x"), 1, new int[2], new int[2], new int[2],
                new boolean[2], new double[] {1, 1});
        assertThatThrownBy(() -> ClickModelFitter.fit(log)).hasMessageContaining("empty.csv").hasMessageContaining("no clicks");
    }

    @Test
    void holdoutComparesWithThePerSlotBaseline() {
        ClickReport report = ClickReport.of(simulate(40_000, 0, 14), 0.25);
        assertThat(report.heldOut().impressions()).isEqualTo(10_000);
        assertThat(report.heldOut().bySlot()).hasSize(3);
        assertThat(report.heldOut().byDecile()).hasSize(10);
        assertThat(report.heldOut().byDecile().stream().mapToInt(ClickReport.Group::impressions).sum()).isEqualTo(10_000);
        // Items and contexts differ, so the model predicts held-out clicks better than slot rates alone.
        assertThat(report.heldOut().logLikelihood()).isGreaterThan(report.heldOut().baselineLogLikelihood());
    }
}

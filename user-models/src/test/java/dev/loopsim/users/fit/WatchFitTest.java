package dev.loopsim.users.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.random.RandomStreams;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.junit.jupiter.api.Test;

/** Recovery: watch fractions drawn as the simulator draws them, from a known offset and concentration. */
class WatchFitTest {
    private static final double OFFSET = 2.5;
    private static final double KAPPA = 4;

    /**
     * Five logs of 4,000 plays. Each estimate lies within 4 SE of the truth (a false failure with
     * probability about 10 × 6e-5), and their mean within 3 SE of the mean (0.27% per parameter), which
     * would catch a bias of a standard error or so that one log could not.
     */
    @Test
    void recoversTheOffsetAndConcentration() {
        int logs = 5;
        double offsets = 0;
        double kappas = 0;
        double offsetVariance = 0;
        double kappaVariance = 0;
        for (int seed = 1; seed <= logs; seed++) {
            WatchFit fit = fit(seed, 4000);
            assertThat(fit.offsetSe()).isPositive().isLessThan(0.1);
            assertThat(fit.offset()).as("offset, log " + seed).isBetween(OFFSET - 4 * fit.offsetSe(), OFFSET + 4 * fit.offsetSe());
            assertThat(fit.concentration()).as("κ, log " + seed)
                    .isBetween(KAPPA - 4 * fit.concentrationSe(), KAPPA + 4 * fit.concentrationSe());
            offsets += fit.offset() / logs;
            kappas += fit.concentration() / logs;
            offsetVariance += fit.offsetSe() * fit.offsetSe() / (logs * logs);
            kappaVariance += fit.concentrationSe() * fit.concentrationSe() / (logs * logs);
        }
        assertThat(offsets).isBetween(OFFSET - 3 * Math.sqrt(offsetVariance), OFFSET + 3 * Math.sqrt(offsetVariance));
        assertThat(kappas).isBetween(KAPPA - 3 * Math.sqrt(kappaVariance), KAPPA + 3 * Math.sqrt(kappaVariance));
    }

    private static WatchFit fit(long seed, int n) {
        var random = RandomStreams.of(seed, 0).forWorld("watch");
        double[] logit = new double[n];
        double[] watch = new double[n];
        for (int i = 0; i < n; i++) {
            logit[i] = -3 + random.nextDouble();
            double m = 1 / (1 + Math.exp(-(OFFSET + logit[i])));
            watch[i] = ChengBetaSampler.of(random, m * KAPPA, (1 - m) * KAPPA).sample();
        }
        WatchFit fit = WatchFit.of(logit, watch);
        assertThat(fit.plays()).isEqualTo(n);
        return fit;
    }
}

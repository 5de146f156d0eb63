package dev.loopsim.results.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class OscillationIndexTest {

    @Test
    void aSineOfKnownAmplitudeHasPeakPowerNTimesASquaredOverFour() {
        int n = 60;
        double amplitude = 0.1;
        double[][] shares = new double[2][n];
        for (int d = 0; d < n; d++) {
            double wave = amplitude * Math.sin(2 * Math.PI * d / 10.0); // period 10 days: 6 whole cycles
            shares[0][d] = 0.5 + wave + 0.001 * d; // a trend is removed first
            shares[1][d] = 0.5 - wave - 0.001 * d;
        }
        // At the exact frequency k = 6 the periodogram of A·sin is n·A²/4. Over a finite window the sine has a
        // small projection on the trend line, which detrending also removes: within 5%.
        assertThat(OscillationIndex.of(shares)).isCloseTo(n * amplitude * amplitude / 4, offset(0.05 * n * amplitude * amplitude / 4));
    }

    @Test
    void thePiecesAreExact() {
        int n = 60;
        double[] sine = new double[n];
        double[] line = new double[n];
        for (int d = 0; d < n; d++) {
            sine[d] = 0.1 * Math.sin(2 * Math.PI * d / 10.0);
            line[d] = 0.3 + 0.002 * d;
        }
        assertThat(OscillationIndex.peakPower(sine)).isCloseTo(n * 0.01 / 4, offset(1e-12));
        for (double residual : OscillationIndex.detrend(line)) {
            assertThat(residual).isCloseTo(0, offset(1e-12));
        }
    }

    @Test
    void constantSharesDoNotOscillate() {
        double[][] shares = new double[3][30];
        for (double[] genre : shares) {
            java.util.Arrays.fill(genre, 1 / 3.0);
        }
        assertThat(OscillationIndex.of(shares)).isCloseTo(0, offset(1e-20));
    }

    @Test
    void tooShortOrEmptySeriesGiveNaN() {
        assertThat(OscillationIndex.of(new double[2][5])).isNaN();
        double[][] noPlays = new double[1][20];
        java.util.Arrays.fill(noPlays[0], Double.NaN);
        assertThat(OscillationIndex.of(noPlays)).isNaN();
    }
}

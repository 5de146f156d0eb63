package dev.loopsim.results.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureTest {

    @Test
    void giniOfKnownDistributions() {
        assertThat(Exposure.gini(new long[] {5, 5, 5, 5})).isCloseTo(0, offset(1e-12));
        // One of n takes everything: (n − 1)/n.
        assertThat(Exposure.gini(new long[] {0, 0, 0, 8})).isCloseTo(0.75, offset(1e-12));
        // {1, 2, 3, 4}: Σ|x_i − x_j| / (2n²·mean) = 20 / (2·16·2.5) = 0.25
        assertThat(Exposure.gini(new long[] {3, 1, 4, 2})).isCloseTo(0.25, offset(1e-12));
        assertThat(Exposure.gini(new long[] {0, 0})).as("nothing shown: nothing to measure").isNaN();
    }

    @Test
    void intraListDiversityEqualsTheMeanOverPairs() {
        var random = RandomStreams.of(1, 0).forWorld("ild");
        List<double[]> list = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double[] g = new double[4];
            g[random.nextInt(4)] += 0.6;
            g[random.nextInt(4)] += 0.4;
            list.add(g);
        }
        double brute = 0;
        int pairs = 0;
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                double dot = 0;
                for (int k = 0; k < 4; k++) {
                    dot += list.get(i)[k] * list.get(j)[k];
                }
                brute += 1 - dot;
                pairs++;
            }
        }
        assertThat(Exposure.intraListDiversity(list)).isCloseTo(brute / pairs, offset(1e-12));
        assertThat(Exposure.intraListDiversity(List.of(new double[] {1, 0}, new double[] {1, 0}))).isCloseTo(0, offset(1e-12));
        assertThat(Exposure.intraListDiversity(List.of(new double[] {1, 0}, new double[] {0, 1}))).isCloseTo(1, offset(1e-12));
    }

    @Test
    void calibrationIsTheSmoothedKullbackLeibler() {
        double[] p = {0.5, 0.5, 0};
        double[] q = {0.5, 0.5, 0};
        assertThat(Exposure.calibration(p, q)).isCloseTo(0, offset(1e-12));
        double[] skewed = {1, 0, 0};
        // KL = 0.5·ln(0.5/(0.99 + 0.005)) + 0.5·ln(0.5/(0 + 0.005))
        double expected = 0.5 * Math.log(0.5 / 0.995) + 0.5 * Math.log(0.5 / 0.005);
        assertThat(Exposure.calibration(p, skewed)).isCloseTo(expected, offset(1e-12));
    }

    @Test
    void jaccardOfSortedSets() {
        assertThat(Exposure.jaccard(new int[] {1, 2, 3}, new int[] {2, 3, 4})).isEqualTo(0.5);
        assertThat(Exposure.jaccard(new int[] {}, new int[] {})).isZero();
        assertThat(Exposure.jaccard(new int[] {7}, new int[] {7})).isEqualTo(1);
    }
}

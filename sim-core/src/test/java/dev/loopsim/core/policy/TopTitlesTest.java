package dev.loopsim.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.random.RandomStreams;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopTitlesTest {

    @Test
    void agreesWithAFullSortIncludingTies() {
        var random = RandomStreams.of(3, 0).forWorld("test");
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + random.nextInt(300);
            int[] ids = IntStream.range(0, n).map(i -> i * 3 + 1).toArray();
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                // Many ties, and the values Double.compare orders apart from <: -0.0 below 0.0, NaN above all.
                int draw = random.nextInt(24);
                scores[i] = draw == 20 ? -0.0 : draw == 21 ? Double.NaN : draw == 22 ? Double.NEGATIVE_INFINITY : draw == 23 ? -draw : draw;
            }
            if (trial % 10 == 1) {
                java.util.Arrays.sort(scores); // rising with id, as an oracle's scores can be
            } else if (trial % 10 == 2) {
                java.util.Arrays.sort(scores);
                for (int i = 0; i < n / 2; i++) {
                    double t = scores[i];
                    scores[i] = scores[n - 1 - i];
                    scores[n - 1 - i] = t;
                }
            }
            int k = random.nextInt(n + 5);
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(((Comparator<Integer>) (a, b) -> Double.compare(scores[b], scores[a])).thenComparingInt(i -> ids[i]))
                    .limit(k).mapToInt(i -> ids[i]).toArray();
            assertThat(TopTitles.select(ids, scores, k)).containsExactly(expected);
        }
    }
}

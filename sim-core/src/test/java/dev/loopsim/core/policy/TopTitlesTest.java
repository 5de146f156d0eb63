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
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            int[] ids = IntStream.range(0, n).map(i -> i * 3 + 1).toArray();
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(20); // many ties
            }
            int k = random.nextInt(n + 5);
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> ids[i]))
                    .limit(k).mapToInt(i -> ids[i]).toArray();
            assertThat(TopTitles.select(ids, scores, k)).containsExactly(expected);
        }
    }
}

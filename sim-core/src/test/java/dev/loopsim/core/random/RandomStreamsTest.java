package dev.loopsim.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(UniformRandomProvider random, int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextLong();
        }
        return values;
    }

    @Test
    void theSameKeyGivesTheSameStream() {
        assertThat(draw(RandomStreams.of(5, 1).forMember(42, "browse"), 100))
                .containsExactly(draw(RandomStreams.of(5, 1).forMember(42, "browse"), 100));
    }

    @Test
    void everyPartOfTheKeyChangesTheStream() {
        long first = RandomStreams.of(5, 1).forMember(42, "browse").nextLong();
        assertThat(RandomStreams.of(6, 1).forMember(42, "browse").nextLong()).isNotEqualTo(first);
        assertThat(RandomStreams.of(5, 2).forMember(42, "browse").nextLong()).isNotEqualTo(first);
        assertThat(RandomStreams.of(5, 1).forMember(43, "browse").nextLong()).isNotEqualTo(first);
        assertThat(RandomStreams.of(5, 1).forMember(42, "visit").nextLong()).isNotEqualTo(first);
        assertThat(RandomStreams.of(5, 1).forPolicy("a", "browse").nextLong()).isNotEqualTo(first);
    }

    @Test
    void firstDrawsOfManyStreamsDoNotCollide() {
        RandomStreams streams = RandomStreams.of(1, 0);
        Set<Long> seen = new HashSet<>();
        for (int id = 0; id < 100_000; id++) {
            seen.add(streams.forMember(id, "browse").nextLong());
        }
        // 64-bit values: a collision among 1e5 has probability ~3e-10.
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void neighbouringStreamsAreUncorrelated() {
        RandomStreams streams = RandomStreams.of(1, 0);
        int n = 20_000;
        double sumXy = 0;
        for (int id = 0; id < n; id++) {
            double x = streams.forMember(id, "browse").nextDouble() - 0.5;
            double y = streams.forMember(id + 1, "browse").nextDouble() - 0.5;
            sumXy += x * y;
        }
        // Correlation of independent uniforms: sd 1/√n ≈ 0.007; 5 sigma.
        assertThat(sumXy / n / (1 / 12.0)).isBetween(-5 / Math.sqrt(n), 5 / Math.sqrt(n));
    }
}

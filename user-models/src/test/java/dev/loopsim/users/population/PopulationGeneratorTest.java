package dev.loopsim.users.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.core.world.MemberProfile;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationGeneratorTest {

    private static List<MemberProfile> generate(int members, double newShare) {
        return new PopulationGenerator(new PopulationParameters(members, 0.5, 1.0, 3.5, 0.6, newShare, 30, 1.0))
                .generate(RandomStreams.of(9, 0), 6, 4, 3);
    }

    @Test
    void aMemberIsTheSameWhateverThePopulationSize() {
        MemberProfile small = generate(20, 0).get(17);
        MemberProfile large = generate(2000, 0).get(17);
        assertThat(large.taste()).containsExactly(small.taste());
        assertThat(large.latent()).containsExactly(small.latent());
        assertThat(large.baseRatePerDay()).isEqualTo(small.baseRatePerDay());
    }

    @Test
    void tastesAreOnTheSimplexAndRatesHaveTheRequestedMedian() {
        List<MemberProfile> members = generate(20_000, 0.25);
        for (MemberProfile m : members) {
            assertThat(Arrays.stream(m.taste()).sum()).isCloseTo(1, offset(1e-9));
        }
        double[] rates = members.stream().mapToDouble(MemberProfile::baseRatePerDay).sorted().toArray();
        // Median of the log-normal rate: 3.5 / 7 per day; the sample median of 20 000 is within ~2%.
        assertThat(rates[rates.length / 2]).isCloseTo(0.5, offset(0.02));
        double joiners = members.stream().filter(m -> m.joinDay() > 0).count() / 20_000.0;
        assertThat(joiners).isCloseTo(0.25, offset(0.016)); // 5 binomial sd
        // Dirichlet(α = 0.5) over 6 genres: E[θ_g] = 1/6 for every genre.
        for (int g = 0; g < 6; g++) {
            int genre = g;
            double mean = members.stream().mapToDouble(m -> m.taste()[genre]).average().orElseThrow();
            assertThat(mean).isCloseTo(1 / 6.0, offset(0.01));
        }
    }
}

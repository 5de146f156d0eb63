package dev.loopsim.users.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Title;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CatalogGeneratorTest {
    private static final CatalogParameters PARAMETERS = new CatalogParameters(CatalogParameters.Source.SYNTHETIC, "", 20_000, 8, 4, 0.4, 1.0, 100, 1.5, 0.5, 0.2, 0.1, 30, 4, 3, 0.25, 0.8, 0);

    private static Catalog generate(long seed) {
        return new CatalogGenerator(PARAMETERS).generate(RandomStreams.of(seed, 0).forWorld("catalog"));
    }

    @Test
    void mixturesAreOnTheSimplexWithOneOrTwoGenres() {
        for (Title t : generate(1).titles()) {
            double[] g = t.genres();
            assertThat(Arrays.stream(g).sum()).isCloseTo(1, offset(1e-12));
            long nonZero = Arrays.stream(g).filter(x -> x > 0).count();
            assertThat(nonZero).isBetween(1L, 2L);
            assertThat(g[t.dominantGenre()]).isGreaterThanOrEqualTo(0.5);
        }
    }

    @Test
    void sharesAndPopularityFollowTheParameters() {
        Catalog catalog = generate(2);
        int n = catalog.size();
        double series = catalog.titles().stream().filter(Title::series).count() / (double) n;
        double released = catalog.titles().stream().filter(t -> t.releaseDay() > 0).count() / (double) n;
        double twoGenres = catalog.titles().stream().filter(t -> Arrays.stream(t.genres()).filter(x -> x > 0).count() == 2)
                .count() / (double) n;
        // Binomial shares with n = 20 000: sd ≤ 0.0035; 5 sigma ≈ 0.018.
        assertThat(series).isCloseTo(0.2, offset(0.018));
        assertThat(released).isCloseTo(0.1, offset(0.018));
        assertThat(twoGenres).isCloseTo(0.4, offset(0.018));
        assertThat(catalog.titles().stream().filter(t -> t.releaseDay() > 0)).allMatch(t -> t.popularityPrior() == 0 && t.releaseDay() <= 30);
        double newQuality = catalog.titles().stream().filter(t -> t.releaseDay() > 0).mapToDouble(Title::quality).average().orElseThrow();
        double oldQuality = catalog.titles().stream().filter(t -> t.releaseDay() == 0).mapToDouble(Title::quality).average().orElseThrow();
        // About 2,000 new titles: the mean of N(0.8, 1) within 5/√2000 ≈ 0.11; the old ones' around 0.
        assertThat(newQuality).isCloseTo(0.8, offset(0.12));
        assertThat(oldQuality).isCloseTo(0.0, offset(0.04));
        double[] logPopularity = catalog.titles().stream().filter(t -> t.releaseDay() == 0)
                .mapToDouble(t -> Math.log(t.popularityPrior())).sorted().toArray();
        // The median of a log-normal is its median parameter: log 100 within a few hundredths.
        assertThat(logPopularity[logPopularity.length / 2]).isCloseTo(Math.log(100), offset(0.1));
    }

    @Test
    void artworkPoolsHaveAFaithfulDefaultAndSomeClickbait() {
        long clickbait = 0;
        long others = 0;
        for (Title t : generate(5).titles()) {
            assertThat(t.artworks()).hasSize(4);
            assertThat(t.artwork(0).fidelity()).isBetween(0.8, 1.0);
            for (int a = 1; a < 4; a++) {
                double f = t.artwork(a).fidelity();
                assertThat(f < 0.3 || f >= 0.7).isTrue();
                clickbait += f < 0.3 ? 1 : 0;
                others++;
            }
            assertThat(Arrays.stream(t.artwork(1).theme()).sum()).isEqualTo(1);
        }
        // 60 000 non-default artworks, p = 0.25: sd 0.0018; 5 sigma ≈ 0.009.
        assertThat(clickbait / (double) others).isCloseTo(0.25, offset(0.009));
    }

    @Test
    void theSameSeedGivesTheSameCatalog() {
        assertThat(generate(3)).isEqualTo(generate(3));
        assertThat(generate(3)).isNotEqualTo(generate(4));
    }
}

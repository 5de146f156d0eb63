package dev.loopsim.users.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.core.world.Title;
import dev.loopsim.users.catalog.CatalogGenerator;
import dev.loopsim.users.catalog.CatalogParameters;
import dev.loopsim.users.population.PopulationGenerator;
import dev.loopsim.users.population.PopulationParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensTest {
    static MovieLens data;

    @BeforeAll
    static void read() {
        data = MovieLens.bundled();
    }

    @Test
    void readsTheBundledSample() {
        // ml-latest-small: 9,125 movies and 100,004 ratings by 671 users. Movies listed without
        // genres, and movies never rated, are left out.
        assertThat(data.genres()).contains("Drama", "Comedy", "Film-Noir").doesNotContain("(no genres listed)");
        assertThat(data.userShares()).hasSize(671);
        assertThat(data.movies().size()).isBetween(9000, 9125);
        assertThat(data.movies().stream().mapToInt(MovieLens.Movie::ratings).sum()).isBetween(99_900, 100_004);
        MovieLens.Movie top = data.movies().get(0);
        assertThat(top.ratings()).isEqualTo(341); // Forrest Gump, the most-rated movie of the sample
        assertThat(data.movies()).isSortedAccordingTo((a, b) -> Integer.compare(b.ratings(), a.ratings()));
        for (double[] share : data.userShares()) {
            assertThat(Arrays.stream(share).sum()).isCloseTo(1, offset(1e-9));
        }
    }

    @Test
    void aCatalogFromMovieLensKeepsItsGenresAndLongTail() {
        var p = new CatalogParameters(CatalogParameters.Source.MOVIELENS, "", 500, 0, 8, 0.4, 1.0, 100, 1.5, 0.5, 0.2, 0, 30, 4, 4, 0.25, 0, 0);
        Catalog catalog = new CatalogGenerator(p, data).generate(RandomStreams.of(1, 0).forWorld("catalog"));
        assertThat(catalog.genreCount()).isEqualTo(data.genres().size());
        assertThat(catalog.size()).isEqualTo(500);
        Title first = catalog.title(0);
        int[] firstGenres = data.movies().get(0).genres();
        for (int g : firstGenres) {
            assertThat(first.genre(g)).isCloseTo(1.0 / firstGenres.length, offset(1e-12));
        }
        double[] priors = catalog.titles().stream().mapToDouble(Title::popularityPrior).sorted().toArray();
        assertThat(priors[priors.length / 2]).isCloseTo(100, offset(1e-9)); // scaled to the median
        assertThat(priors[priors.length - 1] / priors[priors.length / 2]).isGreaterThan(3); // a long tail, from the data
        double meanQuality = catalog.titles().stream().mapToDouble(Title::quality).average().orElseThrow();
        assertThat(meanQuality).isCloseTo(0, offset(1e-9));
    }

    @Test
    void membersTastesFollowTheDirichletFittedToUsers() {
        double[] alpha = data.tasteDirichlet();
        double total = Arrays.stream(alpha).sum();
        int g = alpha.length;
        double[] userMean = new double[g];
        for (double[] share : data.userShares()) {
            for (int k = 0; k < g; k++) {
                userMean[k] += share[k] / data.userShares().size();
            }
        }
        List<MemberProfile> members = new PopulationGenerator(new PopulationParameters(20_000, 0.3, 1, 3, 0.6, 0, 30, 1))
                .generate(RandomStreams.of(2, 0), g, 4, 3, alpha);
        for (int k = 0; k < g; k++) {
            int genre = k;
            double simulated = members.stream().mapToDouble(m -> m.taste()[genre]).average().orElseThrow();
            assertThat(alpha[k] / total).as("fitted mean of genre %d", k).isCloseTo(Math.max(userMean[k], 1e-3 / total), offset(1e-3));
            // Dirichlet component sd ≤ 0.5/√(s+1); 20,000 members: 5 sd of the mean is at most 0.018/√(s+1).
            assertThat(simulated).isCloseTo(alpha[k] / total, offset(0.02));
        }
    }

    @Test
    void malformedRowsNameTheFileAndLine(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("movies.csv"), "movieId,title,genres\n1,\"Toy Story, The (1995)\",Comedy\n");
        Files.writeString(folder.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,100\n2,1,lots,101\n");
        DataFileException e = catchThrowableOfType(DataFileException.class, () -> MovieLens.read(folder));
        assertThat(e.file()).endsWith("ratings.csv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e).hasMessageEndingWith("ratings.csv:3: rating must be a number, found 'lots'");
        Files.writeString(folder.resolve("ratings.csv"), "user,movie\n1,1\n");
        assertThat(catchThrowableOfType(DataFileException.class, () -> MovieLens.read(folder)).getMessage())
                .contains("ratings.csv:1: expected a header with userId,movieId,rating,timestamp");
        Files.delete(folder.resolve("ratings.csv"));
        assertThat(catchThrowableOfType(DataFileException.class, () -> MovieLens.read(folder)).getMessage())
                .contains("no such file");
    }
}

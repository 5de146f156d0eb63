package dev.loopsim.policies.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Title;
import dev.loopsim.policies.Worlds;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankersTest {

    @Test
    void randomPutsEveryTitleFirstEquallyOften() {
        Catalog catalog = Worlds.catalog(10);
        RandomRanker ranker = new RandomRanker();
        var member = Worlds.member(0, 1);
        int n = 50_000;
        int[] first = new int[10];
        for (int i = 0; i < n; i++) {
            first[ranker.rank(Worlds.context(catalog, member), 3)[0]]++;
        }
        for (int count : first) {
            // p = 0.1, sd √(0.09/n) ≈ 0.0013; a 5-sigma band fails by chance < 1e-6 per title.
            assertThat(count / (double) n).isCloseTo(0.1, offset(5 * Math.sqrt(0.09 / n)));
        }
    }

    @Test
    void popularityOrdersByPriorUntilItRetrainsOnPlays() {
        Catalog catalog = Worlds.catalog(5); // priors 5, 4, 3, 2, 1
        PopularityRanker ranker = new PopularityRanker(catalog, new PopularityRanker.Parameters(1, Weighting.NONE, 10));
        var context = Worlds.context(catalog, Worlds.member(0, 1));
        assertThat(ranker.rank(context, 5)).containsExactly(0, 1, 2, 3, 4);
        ranker.learn(Worlds.plays(1, 4, 4, 4, 4, 4, 3));
        assertThat(ranker.rank(context, 5)).as("frozen until retrained").containsExactly(0, 1, 2, 3, 4);
        ranker.retrain(1);
        // scores: 5, 4, 3, 2+1, 1+5
        assertThat(ranker.rank(context, 5)).containsExactly(4, 0, 1, 2, 3);
        assertThat(ranker.score(4)).isEqualTo(6);
    }

    @Test
    void popularityRanksTitlesOnlyOnceTheyAreReleased() {
        List<Title> titles = List.of(new Title(0, new double[] {1}, new double[] {0}, 0, 0, 10, false),
                new Title(1, new double[] {1}, new double[] {0}, 0, 5.5, 0, false));
        Catalog catalog = new dev.loopsim.core.world.Catalog(titles, 1, 1);
        PopularityRanker ranker = new PopularityRanker(catalog, PopularityRanker.Parameters.DEFAULTS);
        var context = Worlds.context(catalog, Worlds.member(0, 1)); // offers both titles
        assertThat(ranker.rank(context, 5)).as("unknown until a retrain after its release").containsExactly(0);
        ranker.retrain(5);
        assertThat(ranker.rank(context, 5)).containsExactly(0);
        ranker.retrain(6);
        assertThat(ranker.rank(context, 5)).containsExactly(0, 1);
    }

    @Test
    void oracleOrdersByTrueUtility() {
        Catalog catalog = Worlds.catalog(8); // utility = quality = id / 8
        assertThat(new OracleRanker(Worlds.TRUTH).rank(Worlds.context(catalog, Worlds.member(0, 1)), 4)).containsExactly(7, 6, 5, 4);
    }
}

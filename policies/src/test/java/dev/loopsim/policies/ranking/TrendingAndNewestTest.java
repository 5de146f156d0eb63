package dev.loopsim.policies.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Title;
import dev.loopsim.policies.Worlds;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendingAndNewestTest {

    @Test
    void trendingCountsOnlyPlaysInsideItsWindow() {
        Catalog catalog = Worlds.catalog(5); // priors 5..1 break ties: 0 first
        TrendingRanker ranker = new TrendingRanker(catalog, new TrendingRanker.Parameters(2, TrendingRanker.Score.PLAYS, 1, 50));
        var context = Worlds.context(catalog, Worlds.member(0, 1));
        assertThat(ranker.rank(context, 5)).containsExactly(0, 1, 2, 3, 4);
        ranker.learn(Worlds.plays(1.0, 4, 4, 4));
        ranker.learn(Worlds.plays(2.5, 3, 3));
        ranker.retrain(3.0); // window (1, 3]: the plays at day 1.0 are out
        assertThat(ranker.rank(context, 5)).containsExactly(3, 0, 1, 2, 4);
        ranker.retrain(2.0);
        assertThat(ranker.rank(context, 2)).containsExactly(3, 0); // dropped plays stay dropped
    }

    @Test
    void newestPutsTheLatestReleaseFirst() {
        List<Title> titles = List.of(new Title(0, new double[] {1}, new double[] {0}, 0, 0, 1, false),
                new Title(1, new double[] {1}, new double[] {0}, 0, 5, 1, false),
                new Title(2, new double[] {1}, new double[] {0}, 0, 3, 1, false));
        Catalog catalog = new Catalog(titles, 1, 1);
        assertThat(new NewestRanker().rank(Worlds.context(catalog, Worlds.member(0, 1)), 3)).containsExactly(1, 2, 0);
    }
}

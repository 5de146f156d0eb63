package dev.loopsim.policies.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FirstChoice;
import dev.loopsim.core.policy.Ranking;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.policies.Worlds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExploringRankerTest {
    private static final int TITLES = 10;
    private static final double EPSILON = 0.3;

    @Test
    void deterministicRankersAreCertainAndRandomOnesKnowTheirOdds() {
        Catalog catalog = Worlds.catalog(TITLES);
        DecisionContext context = Worlds.context(catalog, Worlds.member(0, 1));
        OracleRanker oracle = new OracleRanker(Worlds.TRUTH);
        assertThat(oracle.rankWithPropensities(context, 3).propensities()).containsOnly(1.0);
        assertThat(oracle.firstChoice(context)).isEqualTo(new FirstChoice(TITLES - 1, 1, TITLES));
        assertThat(new RandomRanker().rankWithPropensities(context, 3).propensities())
                .containsExactly(1.0 / 10, 1.0 / 9, 1.0 / 8);
        assertThat(new RandomRanker().firstChoice(context).probability(4)).isEqualTo(0.1);
    }

    /**
     * The logged propensities are the choice frequencies: over 40,000 rankings, every first-position
     * frequency is within 5 binomial standard errors of its stated probability (a false failure
     * has odds below 1e-5 per title), and every logged propensity is the formula's value.
     */
    @Test
    void propensitiesMatchTheFrequenciesOfTheChoices() {
        Catalog catalog = Worlds.catalog(TITLES);
        var member = Worlds.member(0, 7);
        ExploringRanker ranker = new ExploringRanker(new OracleRanker(Worlds.TRUTH), EPSILON);
        int n = 40_000;
        int[] first = new int[TITLES];
        int[] secondGivenBestFirst = new int[TITLES];
        int bestFirst = 0;
        for (int i = 0; i < n; i++) {
            DecisionContext context = Worlds.context(catalog, member);
            Ranking ranking = ranker.rankWithPropensities(context, 3);
            int[] titles = ranking.titles();
            double[] p = ranking.propensities();
            assertThat(Arrays.stream(titles).distinct().count()).isEqualTo(3);
            FirstChoice choice = ranker.firstChoice(context);
            assertThat(p[0]).isCloseTo(choice.probability(titles[0]), within(1e-12));
            first[titles[0]]++;
            if (titles[0] == TITLES - 1) {
                bestFirst++;
                secondGivenBestFirst[titles[1]]++;
                // With the best title placed, the base's next best is title 8, and 9 titles are left.
                assertThat(p[1]).isCloseTo(titles[1] == TITLES - 2 ? 1 - EPSILON + EPSILON / 9 : EPSILON / 9, within(1e-12));
            }
        }
        FirstChoice choice = ranker.firstChoice(Worlds.context(catalog, member));
        for (int title = 0; title < TITLES; title++) {
            double p = choice.probability(title);
            assertThat(first[title] / (double) n).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n)));
        }
        double pNext = 1 - EPSILON + EPSILON / 9;
        assertThat(secondGivenBestFirst[TITLES - 2] / (double) bestFirst)
                .isCloseTo(pNext, within(5 * Math.sqrt(pNext * (1 - pNext) / bestFirst)));
        assertThat(Arrays.stream(first).sum()).isEqualTo(n);
    }
}

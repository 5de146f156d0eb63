package dev.loopsim.policies.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Page;
import dev.loopsim.policies.Worlds;
import java.util.List;
import org.junit.jupiter.api.Test;

class InversePropensityTest {
    private static Page page(int... titles) {
        return new Page(1, titles.length, List.of("top-picks"), titles);
    }

    /**
     * Member 0 is shown [0, 1] and plays 0; member 1 is shown [0, 2] and plays 2; member 0 is
     * shown [1] and plays 1; then member 1 plays 0 from search. Counting each page before its
     * play, the weights are 1/(1/1) = 1, 1/(1/2) = 2, 1/(2/3) = 1.5, and 1 for search.
     */
    private static final FeedbackBatch LOG = new FeedbackBatch(0, 4, List.of(
            new VisitFeedback(1, 0, page(0, 1), 0, 0.9),
            new VisitFeedback(2, 1, page(0, 2), 1, 0.9),
            new VisitFeedback(3, 0, page(1), 0, 0.9),
            VisitFeedback.search(3.5, 1, 0, 0.9)), List.of());

    @Test
    void weightedGramMatrixMatchesTheHandComputedWeights() {
        CoOccurrence weighted = CoOccurrence.of(3, Weighting.IPS, 10);
        weighted.learn(LOG);
        double[][] g = weighted.gram();
        assertThat(g[0][0]).isEqualTo(1 + 1);       // member 0: w=1; member 1 from search: w=1
        assertThat(g[1][1]).isEqualTo(1.5 * 1.5);
        assertThat(g[2][2]).isEqualTo(2 * 2);
        assertThat(g[0][1]).isEqualTo(1 * 1.5).isEqualTo(g[1][0]);
        assertThat(g[0][2]).isEqualTo(2 * 1).isEqualTo(g[2][0]);
        assertThat(g[1][2]).isZero();
        CoOccurrence binary = CoOccurrence.of(3, Weighting.NONE, 10);
        binary.learn(LOG);
        assertThat(binary.gram()[2][2]).isEqualTo(1);
    }

    @Test
    void popularityCountsWeightedPlaysAndClipsTheWeights() {
        var catalog = Worlds.catalog(3);
        var ips = new PopularityRanker(catalog, new PopularityRanker.Parameters(0, Weighting.IPS, 1.8));
        ips.learn(LOG);
        assertThat(ips.score(0)).isEqualTo(1 + 1);
        assertThat(ips.score(1)).isEqualTo(1.5);
        assertThat(ips.score(2)).isEqualTo(1.8); // 2, clipped
    }
}

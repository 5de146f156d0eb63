package dev.loopsim.policies.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Page;
import dev.loopsim.policies.Worlds;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlateQRankerTest {
    private static final Page PAGE = new Page(1, 2, List.of("top-picks"), new int[] {0, 1});

    @Test
    void temporalDifferenceUpdatesMatchTheirClosedForm() {
        Catalog catalog = Worlds.catalog(2); // one genre: states 0 (has played) and 1 (no history)
        var p = new SlateQRanker.Parameters(0.95, 0.05, 2.0, 0, 20, 30);
        SlateQRanker ranker = new SlateQRanker(catalog, p);
        // Day 0, no history (state 1): plays title 0 with ω = 0.8. Day 2, state 0: plays nothing.
        var first = new VisitFeedback(0, 0, PAGE, 0, 0.8);
        var second = new VisitFeedback(2, 0, PAGE, -1, 0);
        ranker.learn(new FeedbackBatch(-1, 3, List.of(first, second), List.of()));
        // Every Q is still 2 at state 0, so the next page's value is 2 whatever the choice weights:
        // target = 0.8 + 0.95² · 2 = 2.605, and Q(1, title 0) = 2 + 0.05 · (2.605 − 2).
        assertThat(ranker.value(1, 0)).isCloseTo(2 + 0.05 * (0.8 + 0.95 * 0.95 * 2 - 2), offset(1e-12));
        assertThat(ranker.value(0, -1)).isEqualTo(2.0); // the no-play transition waits for the next visit
        // The member never returns: once more than 30 days have passed, the episode ends with target = reward 0.
        ranker.learn(new FeedbackBatch(3, 31, List.of(), List.of()));
        assertThat(ranker.value(0, -1)).isEqualTo(2.0); // 29 days: still waiting
        ranker.learn(new FeedbackBatch(31, 33, List.of(), List.of()));
        assertThat(ranker.value(0, -1)).isCloseTo(2 + 0.05 * (0 - 2), offset(1e-12));
    }

    @Test
    void prefersTitlesAfterWhichMembersComeBackSooner() {
        // Two titles, equally clicked; after title 0 members return in 1 day, after title 1 in 10.
        Catalog catalog = Worlds.catalog(2);
        SlateQRanker ranker = new SlateQRanker(catalog, new SlateQRanker.Parameters(0.9, 0.1, 1.0, 0, 20, 30));
        double day = 0;
        for (int member = 0; member < 400; member++) {
            int title = member % 2;
            var play = new VisitFeedback(day, member, PAGE, title, 0.5);
            var back = new VisitFeedback(day + (title == 0 ? 1 : 10), member, PAGE, -1, 0);
            ranker.learn(new FeedbackBatch(day - 1, day + 11, List.of(play, back), List.of()));
            day += 0.01;
        }
        assertThat(ranker.value(1, 0)).isGreaterThan(ranker.value(1, 1) + 0.2);
        var member = Worlds.member(9, 1);
        assertThat(ranker.rank(Worlds.context(catalog, member), 2)).containsExactly(0, 1);
    }

    private static SlateQRanker.Parameters withFeatures(double discount, double rate, double initial) {
        return new SlateQRanker.Parameters(discount, rate, initial, 0, 20, 30, SlateQRanker.Values.FEATURES);
    }

    @Test
    void withFeaturesTheNormalisedStepMovesQAtItsObservationByAlphaTimesTheError() {
        Catalog catalog = Worlds.catalog(2); // one genre: an observation of 6 numbers, x = [1, observation]
        SlateQRanker ranker = new SlateQRanker(catalog, withFeatures(0.95, 0.05, 2.0));
        // Never ranked for, the member's visits are learned at a first visit's observation:
        // x0 = [1, genre share 0, recency 1, 0, 0, 0, 0], |x0|² = 2; every θ starts as [2, 0, ...], so Q = 2 everywhere.
        double[] x0 = {1, 0, 1, 0, 0, 0, 0};
        double[] fresh = {1, 0, 0, 0, 0, 0, 0};
        assertThat(ranker.value(x0, 0)).isEqualTo(2.0);
        var first = new VisitFeedback(0, 0, PAGE, 0, 0.8);
        var second = new VisitFeedback(2, 0, PAGE, -1, 0);
        ranker.learn(new FeedbackBatch(-1, 3, List.of(first, second), List.of()));
        // target = 0.8 + 0.95² · 2 = 2.605; θ_0 += 0.05 · 0.605 · x0 / 2, so Q(x0, 0) moves by exactly 0.05 · 0.605
        // and Q at an observation sharing only the intercept by half of that.
        double error = 0.8 + 0.95 * 0.95 * 2 - 2;
        assertThat(ranker.value(x0, 0)).isCloseTo(2 + 0.05 * error, offset(1e-12));
        assertThat(ranker.value(fresh, 0)).isCloseTo(2 + 0.05 * error / 2, offset(1e-12));
        assertThat(ranker.value(x0, 1)).isEqualTo(2.0);
        assertThat(ranker.value(x0, -1)).isEqualTo(2.0); // the no-play transition waits for the next visit
    }

    @Test
    void withFeaturesItStillPrefersTitlesAfterWhichMembersComeBackSooner() {
        Catalog catalog = Worlds.catalog(2);
        SlateQRanker ranker = new SlateQRanker(catalog, withFeatures(0.9, 0.1, 1.0));
        double day = 0;
        for (int member = 0; member < 400; member++) {
            int title = member % 2;
            var play = new VisitFeedback(day, member, PAGE, title, 0.5);
            var back = new VisitFeedback(day + (title == 0 ? 1 : 10), member, PAGE, -1, 0);
            ranker.learn(new FeedbackBatch(day - 1, day + 11, List.of(play, back), List.of()));
            day += 0.01;
        }
        double[] x0 = {1, 0, 1, 0, 0, 0, 0};
        assertThat(ranker.value(x0, 0)).isGreaterThan(ranker.value(x0, 1) + 0.2);
        // A member with a history observes differently, and the learned difference carries over through the intercept.
        var member = Worlds.member(9, 1);
        assertThat(ranker.rank(Worlds.context(catalog, member), 2)).containsExactly(0, 1);
    }
}

package dev.loopsim.policies.artwork;

import dev.loopsim.policies.bandit.SlotReward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Page;
import dev.loopsim.policies.Worlds;
import dev.loopsim.policies.bandit.BanditAlgorithms;
import dev.loopsim.policies.bandit.BanditAlgorithms.ThompsonParameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BanditArtworkTest {
    private static VisitFeedback shown(int title, int artwork, boolean played, double watch) {
        return new VisitFeedback(1, 0, new Page(1, 1, List.of("top-picks"), new int[] {title}, new int[] {artwork}),
                played ? 0 : -1, played ? watch : 0);
    }

    @Test
    void posteriorMeansFollowTheBetaBernoulliUpdateForEachReward() {
        Catalog catalog = Worlds.catalogWithArtworks(2, 3);
        List<VisitFeedback> visits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            visits.add(shown(0, 1, i < 4, i < 2 ? 0.9 : 0.2)); // 10 impressions, 4 plays, 2 of quality
        }
        List<RewardFeedback> completions = List.of(new RewardFeedback(3, 0, 0, 1, 1, 1));
        FeedbackBatch batch = new FeedbackBatch(0, 3, visits, completions);
        var click = thompson(catalog, new ThompsonParameters(SlotReward.CLICK, 0.5, 1, 1, 1));
        var quality = thompson(catalog, new ThompsonParameters(SlotReward.QUALITY_PLAY, 0.5, 1, 1, 1));
        var completion = thompson(catalog, new ThompsonParameters(SlotReward.COMPLETION, 0.5, 2, 3, 1));
        click.learn(batch);
        quality.learn(batch);
        completion.learn(batch);
        assertThat(posteriorMean(click, 0, 1)).isCloseTo((1 + 4) / (2.0 + 10), offset(1e-12));
        assertThat(posteriorMean(quality, 0, 1)).isCloseTo((1 + 2) / (2.0 + 10), offset(1e-12));
        // Ten pulls counted at once with reward 0; the one completion credited days later.
        assertThat(posteriorMean(completion, 0, 1)).isCloseTo((2 + 1) / (5.0 + 10), offset(1e-12));
        assertThat(posteriorMean(click, 0, 0)).isEqualTo(0.5); // untouched: the prior mean
    }

    @SuppressWarnings("unchecked")
    static BanditArtwork thompson(Catalog catalog, ThompsonParameters parameters) {
        var type = (BanditAlgorithms.Type<ThompsonParameters>) BanditAlgorithms.find("thompson").orElseThrow();
        return new BanditArtwork(catalog, type, parameters);
    }

    private static double posteriorMean(BanditArtwork selector, int title, int artwork) {
        var ts = (dev.loopsim.policies.bandit.ThompsonSampling) selector.bandit(title);
        return ts.alpha(artwork) / (ts.alpha(artwork) + ts.beta(artwork));
    }

    @Test
    void itLearnsToShowTheArtworkThatPays() {
        Catalog catalog = Worlds.catalogWithArtworks(1, 3);
        var selector = thompson(catalog, ThompsonParameters.DEFAULTS);
        var member = Worlds.member(0, 4);
        double[] clickRate = {0.1, 0.5, 0.2};
        var random = member.consumeStream();
        int[] lastThousand = new int[3];
        for (int round = 0; round < 3000; round++) {
            int a = selector.select(Worlds.context(catalog, member), catalog.title(0));
            boolean clicked = random.nextDouble() < clickRate[a];
            selector.learn(new FeedbackBatch(round, round + 1, List.of(shown(0, a, clicked, 0.5)), List.of()));
            if (round >= 2000) {
                lastThousand[a]++;
            }
        }
        // With gaps of 0.3 and 0.4 in click rate, Thompson sampling has all but settled after 2000 rounds.
        assertThat(lastThousand[1]).isGreaterThan(900);
    }

    @Test
    void anUnknownRewardIsRejectedByName() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(dev.loopsim.core.ParameterException.class,
                () -> dev.loopsim.core.Keys.parse(SlotReward.class, "reward", "likes"));
        assertThat(e.parameter()).isEqualTo("reward");
        assertThat(e).hasMessage("reward must be one of click, quality-play, completion; found 'likes'");
    }
}

package dev.loopsim.policies.artwork;

import java.util.function.IntFunction;
import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;
import dev.loopsim.policies.bandit.BanditPolicy;

/**
 * A bandit per title over its artworks (the per-title artwork personalisation of Netflix's
 * artwork work, without member context). Every impression is a pull; its reward is a click or a
 * quality play, seen at once, or a completion, credited to the pull when it arrives days later.
 */
public final class BanditArtwork implements ArtworkSelector {
    private static final double[] NONE = new double[0];
    private final BanditPolicy[] bandits;
    private final ArtworkReward reward;
    private final double qualityThreshold;

    /** @param bandit makes the bandit of a title with the given number of artworks */
    public BanditArtwork(Catalog catalog, ArtworkReward reward, double qualityThreshold, IntFunction<BanditPolicy> bandit) {
        this.bandits = new BanditPolicy[catalog.size()];
        for (Title t : catalog.titles()) {
            bandits[t.id()] = bandit.apply(t.artworks().size());
        }
        this.reward = reward;
        this.qualityThreshold = qualityThreshold;
    }

    @Override
    public int select(DecisionContext context, Title title) {
        BanditPolicy bandit = bandits[title.id()];
        return bandit.choose(new double[bandit.arms()][0], context.random()).arm();
    }

    /** The bandit of a title, for inspection. */
    public BanditPolicy bandit(int titleId) {
        return bandits[titleId];
    }

    @Override
    public void learn(FeedbackBatch batch) {
        for (VisitFeedback visit : batch.visits()) {
            Page page = visit.page();
            for (int slot = 0; slot < page.slots(); slot++) {
                int title = page.titleAt(slot);
                if (title >= 0) {
                    bandits[title].update(page.artworkAt(slot), NONE, immediateReward(visit, slot));
                }
            }
        }
        if (reward == ArtworkReward.COMPLETION) {
            for (RewardFeedback completion : batch.rewards()) {
                bandits[completion.titleId()].credit(completion.artwork(), NONE, Math.min(completion.value(), 1));
            }
        }
    }

    private double immediateReward(VisitFeedback visit, int slot) {
        boolean played = slot == visit.playedSlot();
        return switch (reward) {
            case CLICK -> played ? 1 : 0;
            case QUALITY_PLAY -> played && visit.watchFraction() >= qualityThreshold ? 1 : 0;
            case COMPLETION -> 0; // credited when the completion arrives
        };
    }
}

package dev.loopsim.policies.artwork;

import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;
import dev.loopsim.policies.bandit.BanditAlgorithms;
import dev.loopsim.policies.bandit.BanditPolicy;
import dev.loopsim.policies.bandit.SlotLearning;
import dev.loopsim.policies.bandit.SlotReward;
import dev.loopsim.policies.features.MemberFeatures;
import dev.loopsim.policies.features.PlayHistory;
import dev.loopsim.policies.features.RecentPlays;

/**
 * Artwork chosen by a bandit. A non-contextual algorithm keeps a bandit per title over its
 * artworks (every impression is a pull). A contextual one keeps one model for all titles, whose
 * features for artwork a shown to member u are [h_a, s_u ∘ h_a]: the artwork's theme and its
 * match with the themes of the artworks u played recently — Netflix's artwork personalisation,
 * where what a member responded to before says which image to show them next. Rewards: a click
 * or a quality play, seen at once, or (non-contextual only) a completion, credited when it arrives.
 */
public final class BanditArtwork implements ArtworkSelector {
    private static final double[] NONE = new double[0];
    private final Catalog catalog;
    private final BanditPolicy[] perTitle;
    private final BanditPolicy shared;
    private final SlotReward reward;
    private final double qualityThreshold;
    private final RecentPlays history = new RecentPlays();

    public <P extends Record & BanditAlgorithms.Settings> BanditArtwork(Catalog catalog, BanditAlgorithms.Type<P> type,
                                                                         P parameters) {
        this.catalog = catalog;
        this.reward = parameters.reward();
        this.qualityThreshold = parameters.qualityThreshold();
        if (type.contextual()) {
            this.perTitle = null;
            this.shared = type.create(parameters, 0, 2 * MemberFeatures.themes(catalog), true);
        } else {
            this.shared = null;
            this.perTitle = new BanditPolicy[catalog.size()];
            for (Title t : catalog.titles()) {
                perTitle[t.id()] = type.create(parameters, t.artworks().size(), 0, false);
            }
        }
    }

    @Override
    public int select(DecisionContext context, Title title) {
        if (shared == null) {
            BanditPolicy bandit = perTitle[title.id()];
            return bandit.choose(new double[bandit.arms()][0], context.random()).arm();
        }
        return forVisit(context).select(title);
    }

    /** A contextual selector works out the member's theme shares once per page. */
    @Override
    public ForVisit forVisit(DecisionContext context) {
        if (shared == null) {
            return title -> select(context, title);
        }
        double[] themes = MemberFeatures.themeShares(PlayHistory.of(context.member()), catalog);
        return title -> shared.choose(contexts(themes, title), context.random()).arm();
    }

    private static double[][] contexts(double[] themes, Title title) {
        double[][] contexts = new double[title.artworks().size()][];
        for (int a = 0; a < contexts.length; a++) {
            contexts[a] = MemberFeatures.interaction(title.artwork(a).theme(), themes);
        }
        return contexts;
    }

    /** The bandit of a title (non-contextual), for inspection. */
    public BanditPolicy bandit(int titleId) {
        return shared != null ? shared : perTitle[titleId];
    }

    @Override
    public void learn(FeedbackBatch batch) {
        for (VisitFeedback visit : batch.visits()) {
            Page page = visit.page();
            double[] themes = shared == null ? null : MemberFeatures.themeShares(history.of(visit.memberId()), catalog);
            for (int slot = 0; slot < page.slots(); slot++) {
                int title = page.titleAt(slot);
                if (title < 0) {
                    continue;
                }
                int artwork = page.artworkAt(slot);
                double value = SlotLearning.reward(reward, qualityThreshold, visit, slot);
                boolean played = slot == visit.playedSlot();
                if (shared == null) {
                    SlotLearning.learn(perTitle[title], artwork, NONE, value, visit, played, qualityThreshold);
                } else {
                    double[] x = MemberFeatures.interaction(catalog.title(title).artwork(artwork).theme(), themes);
                    SlotLearning.learn(shared, 0, x, value, visit, played, qualityThreshold);
                }
            }
            if (shared != null) {
                history.record(visit);
            }
        }
        if (reward == SlotReward.COMPLETION) {
            for (RewardFeedback completion : batch.rewards()) {
                perTitle[completion.titleId()].credit(completion.artwork(), NONE, Math.min(completion.value(), 1));
            }
        }
    }
}

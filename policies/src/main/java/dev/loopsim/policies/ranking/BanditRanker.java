package dev.loopsim.policies.ranking;

import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.TopTitles;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Page;
import dev.loopsim.policies.bandit.BanditAlgorithms;
import dev.loopsim.policies.bandit.BanditPolicy;
import dev.loopsim.policies.bandit.SlotLearning;
import dev.loopsim.policies.bandit.SlotReward;
import dev.loopsim.policies.features.MemberFeatures;
import dev.loopsim.policies.features.PlayHistory;
import dev.loopsim.policies.features.RecentPlays;

/**
 * A row's slots filled by a bandit over titles: every impression of a title is a pull, rewarded by
 * a click, a quality play or (non-contextual only) a later completion. A non-contextual algorithm
 * has an arm per title; a contextual one a single model whose features for title i shown to
 * member u are [g_i, s_u ∘ g_i, p_i]: the title's genres, their match with the genres u played
 * recently, and the title's standardised log popularity prior. It sees titles only through these
 * features, so it generalises to titles never shown but cannot learn one title's own appeal: that
 * is what the per-title bandits do. The slots are the candidates sorted by the bandit's ranking scores (one posterior
 * draw or exploration coin per candidate), so a ranking costs O(candidates) per row.
 * Impressions are counted in every slot, examined or not: the position bias stays in the data.
 */
public final class BanditRanker implements Ranker {
    private static final double[] NONE = new double[0];
    private final Catalog catalog;
    private final BanditPolicy bandit;
    private final boolean contextual;
    private final SlotReward reward;
    private final double qualityThreshold;
    private final RecentPlays history = new RecentPlays();
    private final double[] prior;

    private static double[] standardisedLogPrior(Catalog catalog) {
        double[] logs = catalog.titles().stream().mapToDouble(t -> Math.log1p(t.popularityPrior())).toArray();
        double mean = java.util.Arrays.stream(logs).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(logs).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        double[] out = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            out[i] = sd == 0 ? 0 : (logs[i] - mean) / sd;
        }
        return out;
    }

    private double[] features(int title, double[] genres) {
        double[] match = MemberFeatures.interaction(catalog.title(title).genres(), genres);
        double[] x = java.util.Arrays.copyOf(match, match.length + 1);
        x[match.length] = prior[title];
        return x;
    }

    public <P extends Record & BanditAlgorithms.Settings> BanditRanker(Catalog catalog, BanditAlgorithms.Type<P> type,
                                                                        P parameters) {
        this.catalog = catalog;
        this.contextual = type.contextual();
        this.bandit = type.create(parameters, catalog.size(), 2 * catalog.genreCount() + 1, true);
        this.prior = standardisedLogPrior(catalog);
        this.reward = parameters.reward();
        this.qualityThreshold = parameters.qualityThreshold();
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        int[] candidates = context.available();
        double[] genres = contextual ? MemberFeatures.genreShares(PlayHistory.of(context.member()), catalog) : null;
        double[][] contexts = new double[candidates.length][];
        for (int k = 0; k < candidates.length; k++) {
            contexts[k] = genres == null ? NONE : features(candidates[k], genres);
        }
        return TopTitles.select(candidates, bandit.scores(candidates, contexts, context.random()), count);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        for (VisitFeedback visit : batch.visits()) {
            Page page = visit.page();
            double[] genres = contextual ? MemberFeatures.genreShares(history.of(visit.memberId()), catalog) : null;
            for (int slot = 0; slot < page.slots(); slot++) {
                int title = page.titleAt(slot);
                if (title >= 0) {
                    double[] x = genres == null ? NONE : features(title, genres);
                    SlotLearning.learn(bandit, title, x, SlotLearning.reward(reward, qualityThreshold, visit, slot), visit,
                            slot == visit.playedSlot(), qualityThreshold);
                }
            }
            if (contextual) {
                history.record(visit);
            }
        }
        if (reward == SlotReward.COMPLETION) {
            for (RewardFeedback completion : batch.rewards()) {
                bandit.credit(completion.titleId(), NONE, Math.min(completion.value(), 1));
            }
        }
    }
}

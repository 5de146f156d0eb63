package dev.loopsim.policies.page;

import dev.loopsim.core.policy.RowOrder;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of a page's rows chosen by a bandit with an arm per row of the plan. Each row shown
 * is a pull of its arm, rewarded when the play came from it (a click or a quality play). A
 * contextual algorithm gives each row its own model of the member's features [1, s_u], the genre
 * shares of their recent plays. Rows are matched to arms by kind, so give rows distinct kinds.
 */
public final class BanditRowOrder implements RowOrder {
    private static final double[] NONE = new double[0];
    private final Catalog catalog;
    private final BanditPolicy bandit;
    private final boolean contextual;
    private final SlotReward reward;
    private final double qualityThreshold;
    private final Map<String, Integer> armOfKind = new HashMap<>();
    private final int rows;
    private final RecentPlays history = new RecentPlays();

    /** @param kinds the label of each row of the plan, in plan order */
    public <P extends Record & BanditAlgorithms.Settings> BanditRowOrder(Catalog catalog, List<String> kinds,
                                                                          BanditAlgorithms.Type<P> type, P parameters) {
        this.catalog = catalog;
        this.rows = kinds.size();
        this.contextual = type.contextual();
        this.bandit = type.create(parameters, rows, catalog.genreCount() + 1, false);
        this.reward = parameters.reward();
        if (reward == SlotReward.COMPLETION) {
            throw new dev.loopsim.core.ParameterException("reward", "a row order learns from click or quality-play: "
                    + "a completion does not say which row the play came from");
        }
        this.qualityThreshold = parameters.qualityThreshold();
        for (int r = 0; r < rows; r++) {
            armOfKind.putIfAbsent(kinds.get(r), r);
        }
    }

    @Override
    public int[] order(DecisionContext context) {
        double[] features = contextual ? features(PlayHistory.of(context.member())) : NONE;
        int[] arms = new int[rows];
        double[][] contexts = new double[rows][];
        for (int r = 0; r < rows; r++) {
            arms[r] = r;
            contexts[r] = features;
        }
        return TopTitles.select(arms, bandit.scores(arms, contexts, context.random()), rows);
    }

    private double[] features(PlayHistory history) {
        return MemberFeatures.withIntercept(MemberFeatures.genreShares(history, catalog));
    }

    @Override
    public void learn(FeedbackBatch batch) {
        for (VisitFeedback visit : batch.visits()) {
            Page page = visit.page();
            double[] features = contextual ? features(history.of(visit.memberId())) : NONE;
            String playedKind = visit.playedSlot() >= 0 ? page.rowKindAt(visit.playedSlot()) : null;
            boolean[] pulled = new boolean[rows];
            for (int row = 0; row < page.rows(); row++) {
                Integer arm = armOfKind.get(page.rowKinds().get(row));
                if (arm == null || pulled[arm]) {
                    continue;
                }
                pulled[arm] = true;
                boolean fromThisRow = page.rowKinds().get(row).equals(playedKind);
                double value = fromThisRow ? SlotLearning.reward(reward, qualityThreshold, visit, visit.playedSlot()) : 0;
                SlotLearning.learn(bandit, arm, features, value, visit, fromThisRow, qualityThreshold);
            }
            if (contextual) {
                history.record(visit);
            }
        }
    }
}

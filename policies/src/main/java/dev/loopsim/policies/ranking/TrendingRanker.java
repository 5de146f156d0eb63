package dev.loopsim.policies.ranking;

import java.util.ArrayDeque;
import java.util.Arrays;
import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.TopTitles;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;

/**
 * Plays in the last {@code windowDays} (the interval (t − w, t]), as of the last retrain t: a ranker that chases what is
 * being watched now. Under boredom this is what makes genre shares oscillate. Ties (and the
 * time before any plays) go by the catalog's popularity prior.
 */
public final class TrendingRanker implements Ranker {

    /** @param windowDays how far back plays count */
    public record Parameters(double windowDays) {
        public static final Parameters DEFAULTS = new Parameters(3);

        public Parameters {
            Validate.positive("windowDays", windowDays);
        }
    }

    private record Play(double day, int title) { }

    private final Catalog catalog;
    private final Parameters parameters;
    private final ArrayDeque<Play> recent = new ArrayDeque<>();
    private volatile int[] ranking;

    public TrendingRanker(Catalog catalog, Parameters parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
        retrain(0);
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        return RankingOrder.firstOffered(ranking, context.available(), count);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        for (VisitFeedback visit : batch.visits()) {
            if (visit.played()) {
                recent.addLast(new Play(visit.day(), visit.playedTitle()));
            }
        }
    }

    @Override
    public void retrain(double day) {
        while (!recent.isEmpty() && recent.peekFirst().day() <= day - parameters.windowDays()) {
            recent.removeFirst();
        }
        double[] plays = new double[catalog.size()];
        for (Play play : recent) {
            plays[play.title()]++;
        }
        int[] released = catalog.titles().stream().filter(t -> t.releaseDay() <= day).mapToInt(t -> t.id()).toArray();
        double maxPrior = catalog.titles().stream().mapToDouble(t -> t.popularityPrior()).max().orElse(0) + 1;
        double[] scores = new double[released.length];
        for (int k = 0; k < released.length; k++) {
            // Plays first; the prior (scaled below one play) only breaks ties.
            scores[k] = plays[released[k]] + catalog.title(released[k]).popularityPrior() / maxPrior;
        }
        ranking = TopTitles.select(released, scores, released.length);
    }

    /** Plays counted at the last retrain, for tests. */
    int[] ranking() {
        return Arrays.copyOf(ranking, ranking.length);
    }
}

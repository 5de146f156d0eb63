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
 * What is hot in the last {@code windowDays} (the interval (t − w, t]), as of the last retrain
 * t: a ranker that chases what is being watched now. With {@code score: plays} it counts plays;
 * with {@code score: take-rate} it ranks by the smoothed take rate
 * (plays + priorPlays) / (impressions + priorImpressions), so titles it has not shown lately
 * start at the prior rate and can displace shown titles whose rate has fallen. Under boredom,
 * chasing take rate makes the whole audience move between genres together: genre shares
 * oscillate. Ties (and the time before any plays) go by the catalog's popularity prior.
 */
public final class TrendingRanker implements Ranker {

    /**
     * @param windowDays       how far back plays (and impressions) count
     * @param score            what a title trends by
     * @param priorPlays       take-rate smoothing: pseudo-plays
     * @param priorImpressions take-rate smoothing: pseudo-impressions (prior rate = priorPlays / priorImpressions)
     */
    public record Parameters(double windowDays, Score score, double priorPlays, double priorImpressions) {
        public static final Parameters DEFAULTS = new Parameters(3, Score.PLAYS, 1, 50);

        public Parameters {
            Validate.positive("windowDays", windowDays);
            java.util.Objects.requireNonNull(score, "score");
            Validate.positive("priorPlays", priorPlays);
            Validate.positive("priorImpressions", priorImpressions);
        }
    }

    /** What a title trends by. */
    public enum Score {
        /** Its plays in the window: locks onto what it shows, since only shown titles are played. */
        PLAYS,
        /** Its smoothed plays per impression in the window: chases what was taken, and so can oscillate. */
        TAKE_RATE
    }

    private record Shown(double day, int[] titles, int played) { }

    private final Catalog catalog;
    private final Parameters parameters;
    private final ArrayDeque<Shown> recent = new ArrayDeque<>();
    private volatile int[] ranking;

    public TrendingRanker(Catalog catalog, Parameters parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
        retrain(0);
    }

    /** Its ranking is a function of the context and of what it learned: no draws. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        return RankingOrder.firstOffered(ranking, context.available(), count);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        boolean byRate = parameters.score() == Score.TAKE_RATE;
        for (VisitFeedback visit : batch.visits()) {
            if (visit.played() || byRate) {
                recent.addLast(new Shown(visit.day(), byRate ? visit.page().titles() : null, visit.playedTitle()));
            }
        }
    }

    @Override
    public void retrain(double day) {
        while (!recent.isEmpty() && recent.peekFirst().day() <= day - parameters.windowDays()) {
            recent.removeFirst();
        }
        double[] plays = new double[catalog.size()];
        double[] impressions = new double[catalog.size()];
        for (Shown shown : recent) {
            if (shown.played() >= 0) {
                plays[shown.played()]++;
            }
            if (shown.titles() != null) {
                for (int title : shown.titles()) {
                    if (title >= 0) {
                        impressions[title]++;
                    }
                }
            }
        }
        boolean byRate = parameters.score() == Score.TAKE_RATE;
        int[] released = catalog.titles().stream().filter(t -> t.releaseDay() <= day).mapToInt(t -> t.id()).toArray();
        double maxPrior = catalog.titles().stream().mapToDouble(t -> t.popularityPrior()).max().orElse(0) + 1;
        double tieBreakScale = byRate ? 1e-9 : 1; // the prior only breaks ties: below one play, or below any rate gap
        double[] scores = new double[released.length];
        for (int k = 0; k < released.length; k++) {
            int id = released[k];
            double score = byRate
                    ? (plays[id] + parameters.priorPlays()) / (impressions[id] + parameters.priorImpressions())
                    : plays[id];
            scores[k] = score + tieBreakScale * catalog.title(id).popularityPrior() / maxPrior;
        }
        ranking = TopTitles.select(released, scores, released.length);
    }

    /** Plays counted at the last retrain, for tests. */
    int[] ranking() {
        return Arrays.copyOf(ranking, ranking.length);
    }
}

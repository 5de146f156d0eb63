package dev.loopsim.policies.ranking;

import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.TopTitles;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;

/**
 * All-time popularity: titles ordered by plays so far (plus the catalog's popularity prior),
 * the same for every member. A batch learner: it counts plays as feedback arrives but
 * re-orders only when retrained, so what it shows lags what it has seen — the feedback loop
 * of a recommender trained on its own logs. With {@code weighting: ips} each page play counts
 * 1 / (share of pages that showed the title), clipped at {@code max_weight}: a title's score then
 * tracks how often it is played when shown rather than how often it was shown.
 */
public final class PopularityRanker implements Ranker {

    /**
     * @param priorWeight weight of the pre-launch popularity prior against observed plays
     * @param weighting   none, or ips: inverse-propensity weights on plays from pages
     * @param maxWeight   the clip of an inverse-propensity weight
     */
    public record Parameters(double priorWeight, Weighting weighting, double maxWeight) {
        public static final Parameters DEFAULTS = new Parameters(1.0, Weighting.NONE, 10);

        public Parameters {
            Validate.nonNegative("priorWeight", priorWeight);
            ExposurePropensity.checkWeighting(weighting, maxWeight);
        }
    }

    private final Catalog catalog;
    private final double[] plays;
    private final Parameters parameters;
    private final ExposurePropensity propensity;
    private volatile int[] ranking;

    public PopularityRanker(Catalog catalog, Parameters parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.plays = new double[catalog.size()];
        this.propensity = parameters.weighting() == Weighting.IPS ? new ExposurePropensity(catalog.size(), parameters.maxWeight())
                : null;
        retrainOn(catalog.titles().stream().filter(t -> t.releaseDay() <= 0).mapToInt(t -> t.id()).toArray());
    }

    /** Its ranking is a function of the context and of what it learned: no draws. */
    @Override
    public boolean deterministic() {
        return true;
    }

    /** The best {@code count} of the titles offered, in the order of the last retrain. */
    @Override
    public int[] rank(DecisionContext context, int count) {
        return RankingOrder.firstOffered(ranking, context.available(), count);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        for (VisitFeedback visit : batch.visits()) {
            if (propensity != null) {
                propensity.observe(visit);
            }
            if (visit.played()) {
                plays[visit.playedTitle()] += propensity == null ? 1 : propensity.weight(visit);
            }
        }
    }

    @Override
    public void retrain(double day) {
        retrainOn(catalog.titles().stream().filter(t -> t.releaseDay() <= day).mapToInt(t -> t.id()).toArray());
    }

    private void retrainOn(int[] released) {
        double[] scores = new double[released.length];
        for (int k = 0; k < released.length; k++) {
            scores[k] = score(released[k]);
        }
        ranking = TopTitles.select(released, scores, released.length);
    }

    /** The popularity score of a title: plays seen plus the weighted prior. */
    public double score(int titleId) {
        return plays[titleId] + parameters.priorWeight() * catalog.title(titleId).popularityPrior();
    }
}

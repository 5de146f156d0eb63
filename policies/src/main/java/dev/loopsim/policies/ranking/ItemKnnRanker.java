package dev.loopsim.policies.ranking;

import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.TopTitles;
import dev.loopsim.core.world.Catalog;
import java.util.stream.IntStream;

/**
 * Item-based k-nearest neighbours (Sarwar et al. 2001; Deshpande and Karypis 2004): cosine
 * similarity of titles' play vectors, S_ij = G_ij / √(G_ii·G_jj), keeping each title's
 * {@code neighbors} most similar others; a member's score for a title sums its similarity to the
 * titles they played. Retrained on the run's own plays.
 */
public final class ItemKnnRanker implements Ranker {

    /**
     * @param neighbors how many neighbours each title keeps
     * @param weighting none, or ips: the play vectors hold inverse-propensity weights (see {@link ExposurePropensity})
     * @param maxWeight the clip of an inverse-propensity weight
     */
    public record Parameters(int neighbors, Weighting weighting, double maxWeight) {
        public static final Parameters DEFAULTS = new Parameters(50, Weighting.NONE, 10);

        public Parameters {
            Validate.atLeast("neighbors", neighbors, 1);
            ExposurePropensity.checkWeighting(weighting, maxWeight);
        }
    }

    private final CoOccurrence plays;
    private final Parameters parameters;
    private volatile double[][] similarity;

    public ItemKnnRanker(Catalog catalog, Parameters parameters) {
        this.plays = CoOccurrence.of(catalog.size(), parameters.weighting(), parameters.maxWeight());
        this.parameters = parameters;
        this.similarity = new double[catalog.size()][catalog.size()];
    }

    /** Its ranking is a function of the context and of what it learned: no draws. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        return HistoryScores.rank(context, similarity, count);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        plays.learn(batch);
    }

    @Override
    public void retrain(double day) {
        similarity = fit(plays.gram(), parameters.neighbors());
    }

    /** Cosine similarities from a Gram matrix, each row cut to its k largest off-diagonal entries. */
    static double[][] fit(double[][] gram, int k) {
        int n = gram.length;
        int[] ids = IntStream.range(0, n).toArray();
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] row = new double[n];
            for (int j = 0; j < n; j++) {
                double norm = Math.sqrt(gram[i][i] * gram[j][j]);
                row[j] = i == j || norm == 0 ? 0 : gram[i][j] / norm;
            }
            for (int j : TopTitles.select(ids, row, k)) {
                s[i][j] = row[j];
            }
        }
        return s;
    }
}

package dev.loopsim.policies.ranking;

import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.world.Catalog;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * EASE (Steck 2019): the item–item weights B minimising ‖X − XB‖² + λ‖B‖² with diag(B) = 0, in
 * closed form: P = (XᵀX + λI)⁻¹, B_ij = −P_ij / P_jj for i ≠ j. Retrained on the run's own plays,
 * so it closes the feedback loop. The inverse is O(n³) in titles: meant for catalogs of up to a
 * few thousand titles.
 */
public final class EaseRanker implements Ranker {

    /**
     * @param lambda    L2 regularisation λ
     * @param weighting none, or ips: X holds inverse-propensity weights of the plays (see {@link ExposurePropensity})
     * @param maxWeight the clip of an inverse-propensity weight
     */
    public record Parameters(double lambda, Weighting weighting, double maxWeight) {
        public static final Parameters DEFAULTS = new Parameters(10, Weighting.NONE, 10);

        public Parameters {
            Validate.positive("lambda", lambda);
            ExposurePropensity.checkWeighting(weighting, maxWeight);
        }
    }

    private final CoOccurrence plays;
    private final Parameters parameters;
    private volatile double[][] weights;

    public EaseRanker(Catalog catalog, Parameters parameters) {
        this.plays = CoOccurrence.of(catalog.size(), parameters.weighting(), parameters.maxWeight());
        this.parameters = parameters;
        this.weights = new double[catalog.size()][catalog.size()];
    }

    /** Its ranking is a function of the context and of what it learned: no draws. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        return HistoryScores.rank(context, weights, count);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        plays.learn(batch);
    }

    @Override
    public void retrain(double day) {
        weights = fit(plays.gram(), parameters.lambda());
    }

    /** B from a Gram matrix G and λ. */
    static double[][] fit(double[][] gram, double lambda) {
        int n = gram.length;
        RealMatrix g = new Array2DRowRealMatrix(gram, true);
        for (int i = 0; i < n; i++) {
            g.addToEntry(i, i, lambda);
        }
        // G is integer counts, symmetric exactly; λI keeps it positive definite.
        double[][] p = new CholeskyDecomposition(g).getSolver().getInverse().getData();
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = i == j ? 0 : -p[i][j] / p[j][j];
            }
        }
        return b;
    }
}

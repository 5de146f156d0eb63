package dev.loopsim.policies.ranking;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.TopTitles;
import dev.loopsim.core.world.Catalog;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Implicit-feedback ALS (Hu, Koren and Volinsky 2008). With p_ui = 1 if member u played title i
 * (else 0) and confidence c_ui = 1 + α·w_ui·p_ui, it minimises
 * Σ_{u,i} c_ui (p_ui − x_uᵀy_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²) by alternating exact least-squares
 * solves, using YᵀC_uY = YᵀY + Yᵀ(C_u − I)Y so each member costs only their own plays. Retrained
 * on the run's own plays; members it has not seen get the popularity prior's order. The weight
 * w_ui is 1, or with {@code weighting: ips} the inverse propensity of exposure of u's first play
 * of i ({@link ExposurePropensity}).
 */
public final class ImplicitAls implements Ranker {

    /**
     * @param factors        dimension of member and title factors
     * @param alpha          confidence α of a play
     * @param regularization λ
     * @param sweeps         ALS sweeps (members then titles) per retrain
     * @param weighting      none, or ips: a play's confidence is 1 + α·w with w its inverse propensity of
     *                       exposure (see {@link ExposurePropensity})
     * @param maxWeight      the clip of an inverse-propensity weight
     */
    public record Parameters(int factors, double alpha, double regularization, int sweeps, Weighting weighting,
                             double maxWeight) {
        public static final Parameters DEFAULTS = new Parameters(16, 20, 1, 5, Weighting.NONE, 10);

        public Parameters {
            Validate.atLeast("factors", factors, 1);
            Validate.nonNegative("alpha", alpha);
            Validate.positive("regularization", regularization);
            Validate.atLeast("sweeps", sweeps, 1);
            ExposurePropensity.checkWeighting(weighting, maxWeight);
        }
    }

    private final Catalog catalog;
    private final Parameters parameters;
    private final CoOccurrence plays;
    private double[][] titleFactors;
    private volatile Map<Integer, double[]> memberFactors = Map.of();
    private volatile double[][] titleSnapshot;

    public ImplicitAls(Catalog catalog, Parameters parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.plays = CoOccurrence.of(catalog.size(), parameters.weighting(), parameters.maxWeight());
        this.titleFactors = initialFactors(catalog.size(), parameters.factors());
        this.titleSnapshot = copy(titleFactors);
    }

    /**
     * Small title factors in (−0.05, 0.05) from a hash of (title, factor): a fixed starting point,
     * the same in every run, so the fit needs no random stream of its own.
     */
    static double[][] initialFactors(int titles, int factors) {
        double[][] y = new double[titles][factors];
        for (int i = 0; i < titles; i++) {
            for (int k = 0; k < factors; k++) {
                long z = (i * 0x9E3779B97F4A7C15L) ^ (k + 1) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
                y[i][k] = 0.1 * (((z >>> 11) * 0x1.0p-53) - 0.5);
            }
        }
        return y;
    }

    /** Its ranking is a function of the context and of what it learned: no draws. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        double[] x = memberFactors.get(context.memberId());
        if (x == null) {
            return HistoryScores.byPrior(context, count); // not in the last fit (new, or played since): the prior's order
        }
        int[] offered = context.available();
        double[][] y = titleSnapshot;
        double[] scores = new double[offered.length];
        for (int k = 0; k < offered.length; k++) {
            double s = 0;
            for (int f = 0; f < x.length; f++) {
                s += x[f] * y[offered[k]][f];
            }
            scores[k] = s;
        }
        return TopTitles.select(offered, scores, count);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        plays.learn(batch);
    }

    @Override
    public void retrain(double day) {
        Map<Integer, double[]> members = new TreeMap<>();
        for (int sweep = 0; sweep < parameters.sweeps(); sweep++) {
            members = solveMembers(plays.played(), plays::weight, titleFactors, parameters);
            titleFactors = solveTitles(plays.played(), plays::weight, members, catalog.size(), parameters);
        }
        memberFactors = members;
        titleSnapshot = copy(titleFactors);
    }

    /** Member step: x_u = (YᵀY + Yᵀ(C_u − I)Y + λI)⁻¹ YᵀC_u p_u. */
    static Map<Integer, double[]> solveMembers(Map<Integer, BitSet> played, double[][] y, Parameters p) {
        return solveMembers(played, UNWEIGHTED, y, p);
    }

    /** The weight w_ui of a play in the confidence 1 + α·w_ui. */
    @FunctionalInterface
    interface PlayWeights {
        double of(int member, int title);
    }

    static final PlayWeights UNWEIGHTED = (member, title) -> 1;

    static Map<Integer, double[]> solveMembers(Map<Integer, BitSet> played, PlayWeights w, double[][] y, Parameters p) {
        RealMatrix gram = gramOf(y);
        Map<Integer, double[]> x = new TreeMap<>();
        new TreeMap<>(played).forEach((member, titles) -> x.put(member, solve(gram, y, titles, t -> w.of(member, t), p)));
        return x;
    }

    /** Title step: the same with members and titles swapped. */
    static double[][] solveTitles(Map<Integer, BitSet> played, Map<Integer, double[]> x, int titles, Parameters p) {
        return solveTitles(played, UNWEIGHTED, x, titles, p);
    }

    static double[][] solveTitles(Map<Integer, BitSet> played, PlayWeights w, Map<Integer, double[]> x, int titles,
                                  Parameters p) {
        Map<Integer, BitSet> byTitle = new HashMap<>();
        Integer[] members = x.keySet().toArray(new Integer[0]);
        double[][] memberRows = new double[members.length][];
        for (int row = 0; row < members.length; row++) {
            memberRows[row] = x.get(members[row]);
            BitSet owned = played.get(members[row]);
            for (int t = owned.nextSetBit(0); t >= 0; t = owned.nextSetBit(t + 1)) {
                byTitle.computeIfAbsent(t, key -> new BitSet()).set(row);
            }
        }
        RealMatrix gram = gramOf(memberRows);
        double[][] y = new double[titles][];
        for (int t = 0; t < titles; t++) {
            int title = t;
            y[t] = solve(gram, memberRows, byTitle.getOrDefault(t, new BitSet()), row -> w.of(members[row], title), p);
        }
        return y;
    }

    /** One exact least-squares solve of the confidence-weighted ridge problem. */
    private static double[] solve(RealMatrix gram, double[][] others, BitSet positives,
                                  java.util.function.IntToDoubleFunction weight, Parameters p) {
        int f = p.factors();
        double[][] a = gram.getData(); // a copy
        double[] rhs = new double[f];
        for (int j = positives.nextSetBit(0); j >= 0; j = positives.nextSetBit(j + 1)) {
            double[] v = others[j];
            double confidence = p.alpha() * weight.applyAsDouble(j);
            for (int r = 0; r < f; r++) {
                for (int c = r; c < f; c++) {
                    a[r][c] += confidence * (v[r] * v[c]); // the same number for (r, c) and (c, r)
                }
                rhs[r] += (1 + confidence) * v[r];
            }
        }
        for (int r = 0; r < f; r++) {
            a[r][r] += p.regularization();
            for (int c = 0; c < r; c++) {
                a[r][c] = a[c][r]; // exactly symmetric, whatever the order of the sums
            }
        }
        double[] x = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new ArrayRealVector(rhs, false)).toArray();
        for (double value : x) {
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("iALS produced a non-finite factor; lower alpha or raise regularization");
            }
        }
        return x;
    }

    private static RealMatrix gramOf(double[][] rows) {
        int f = rows.length == 0 ? 0 : rows[0].length;
        double[][] g = new double[f][f];
        for (double[] v : rows) {
            for (int r = 0; r < f; r++) {
                for (int c = r; c < f; c++) {
                    g[r][c] += v[r] * v[c];
                }
            }
        }
        for (int r = 0; r < f; r++) {
            for (int c = 0; c < r; c++) {
                g[r][c] = g[c][r];
            }
        }
        return new Array2DRowRealMatrix(g, false);
    }

    /** The objective Σ_{u,i} c_ui (p_ui − x_uᵀy_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²) over the members in {@code x}. */
    static double objective(Map<Integer, BitSet> played, Map<Integer, double[]> x, double[][] y, Parameters p) {
        return objective(played, UNWEIGHTED, x, y, p);
    }

    static double objective(Map<Integer, BitSet> played, PlayWeights w, Map<Integer, double[]> x, double[][] y,
                            Parameters p) {
        double total = 0;
        for (var entry : x.entrySet()) {
            double[] xu = entry.getValue();
            BitSet owned = played.get(entry.getKey());
            for (int i = 0; i < y.length; i++) {
                double prediction = 0;
                for (int k = 0; k < xu.length; k++) {
                    prediction += xu[k] * y[i][k];
                }
                boolean positive = owned.get(i);
                double error = (positive ? 1 : 0) - prediction;
                total += (1 + (positive ? p.alpha() * w.of(entry.getKey(), i) : 0)) * error * error;
            }
            for (double v : xu) {
                total += p.regularization() * v * v;
            }
        }
        for (double[] yi : y) {
            for (double v : yi) {
                total += p.regularization() * v * v;
            }
        }
        return total;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}

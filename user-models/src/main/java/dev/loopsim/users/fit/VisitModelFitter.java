package dev.loopsim.users.fit;

import dev.loopsim.users.data.DataFileException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum-likelihood fit of the self-exciting visit model (DESIGN §4) to a visit log.
 *
 * <p>The optimiser (Powell's BOBYQA, derivative-free) works in unconstrained coordinates: τ and σ
 * by their logs, and each seasonal (cos, sin) pair mapped through tanh of its length so that the
 * amplitude stays below 1 and season(t) stays positive. The excitation decay is started from a
 * few time scales (an hour to two weeks) because the likelihood may have a local optimum per
 * scale; the best is kept. Standard errors are from the observed information, the numerical
 * Hessian of log L at the optimum in natural coordinates.
 */
public final class VisitModelFitter {
    private static final double[] DECAY_STARTS_DAYS = {1.0 / 24, 1, 14};
    private static final double HESSIAN_STEP = 1e-3;
    private static final double[] LOWER = {-5, Math.log(1.0 / 96), -6, -6, -6, -6, -14, Math.log(0.02)};
    private static final double[] UPPER = {5, Math.log(365), 6, 6, 6, 6, 6, Math.log(5)};

    private VisitModelFitter() { }

    public static VisitModelFit fit(VisitLog log, FitOptions options) {
        long returns = log.visits() - log.members().size();
        if (returns < 2) {
            throw new DataFileException(log.source(), 0, "fitting needs at least two returns (visits after a member's first), found "
                    + returns + "; is the session gap longer than the gaps between visits?");
        }
        VisitLikelihood likelihood = VisitLikelihood.of(log, options.window());
        boolean[] free = options.free();
        double[] start = start(log);
        PointValuePair best = null;
        int evaluations = 0;
        double[] decays = options.excitation() ? DECAY_STARTS_DAYS : new double[]{1};
        for (double decay : decays) {
            start[FitParameters.LOG_DECAY] = Math.log(decay);
            Search search = new Search(likelihood, free, start);
            PointValuePair found = search.run();
            evaluations += search.evaluations;
            if (best == null || found.getValue() > best.getValue()) {
                best = new PointValuePair(search.full(found.getPoint()), found.getValue());
            }
        }
        FitParameters estimate = FitParameters.fromArray(natural(best.getPoint()));
        double[][] covariance = covariance(likelihood, estimate, free);
        return new VisitModelFit(estimate, options, covariance, best.getValue(), likelihood.memberRates(estimate),
                log.members().size(), log.visits(), evaluations);
    }

    /** Optimiser coordinates: no excitation, no seasonality, the pooled rate, σ = 1. */
    private static double[] start(VisitLog log) {
        double visits = 0;
        double days = 0;
        for (VisitLog.MemberVisits m : log.members()) {
            visits += m.visits() - 1;
            days += log.endDay() - m.days()[0];
        }
        double rate = (visits + 0.5) / Math.max(days, 1e-9);
        double[] x = new double[FitParameters.COUNT];
        x[FitParameters.EXCITATION] = 0;
        x[FitParameters.LOG_RATE_MEAN] = Math.max(LOWER[FitParameters.LOG_RATE_MEAN] + 1,
                Math.min(UPPER[FitParameters.LOG_RATE_MEAN] - 1, Math.log(rate)));
        x[FitParameters.LOG_RATE_SD] = 0;
        return x;
    }

    /** Natural coordinates from optimiser coordinates. */
    static double[] natural(double[] x) {
        double[] n = x.clone();
        for (int c : new int[]{FitParameters.DAILY_COS, FitParameters.WEEKLY_COS}) {
            double r = Math.hypot(x[c], x[c + 1]);
            double scale = r == 0 ? 1 : Math.tanh(r) / r;
            n[c] = x[c] * scale;
            n[c + 1] = x[c + 1] * scale;
        }
        return n;
    }

    /** One BOBYQA run over the free coordinates, the fixed ones held at their start. */
    private static final class Search {
        private final VisitLikelihood likelihood;
        private final int[] index;
        private final double[] start;
        int evaluations;

        Search(VisitLikelihood likelihood, boolean[] free, double[] start) {
            this.likelihood = likelihood;
            this.start = start.clone();
            this.index = java.util.stream.IntStream.range(0, free.length).filter(i -> free[i]).toArray();
        }

        double[] full(double[] reduced) {
            double[] x = start.clone();
            for (int k = 0; k < index.length; k++) {
                x[index[k]] = reduced[k];
            }
            return x;
        }

        PointValuePair run() {
            double[] initial = new double[index.length];
            double[] lower = new double[index.length];
            double[] upper = new double[index.length];
            for (int k = 0; k < index.length; k++) {
                initial[k] = start[index[k]];
                lower[k] = LOWER[index[k]];
                upper[k] = UPPER[index[k]];
            }
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * index.length + 1, 0.5, 1e-7);
            PointValuePair result = optimizer.optimize(new MaxEval(20_000), GoalType.MAXIMIZE,
                    new InitialGuess(initial), new SimpleBounds(lower, upper),
                    new ObjectiveFunction(reduced -> {
                        double value = likelihood.logLikelihood(FitParameters.fromArray(natural(full(reduced))));
                        return Double.isFinite(value) ? value : -1e300;
                    }));
            evaluations = optimizer.getEvaluations();
            return result;
        }
    }

    /** (−H)⁻¹ over the free parameters by central differences, or null if −H is not positive definite. */
    static double[][] covariance(VisitLikelihood likelihood, FitParameters estimate, boolean[] free) {
        int[] index = java.util.stream.IntStream.range(0, free.length).filter(i -> free[i]).toArray();
        double[] x = estimate.toArray();
        int k = index.length;
        double center = likelihood.logLikelihood(estimate);
        double[][] information = new double[k][k];
        double h = HESSIAN_STEP;
        for (int a = 0; a < k; a++) {
            double plus = at(likelihood, x, index[a], h, -1, 0);
            double minus = at(likelihood, x, index[a], -h, -1, 0);
            information[a][a] = -(plus - 2 * center + minus) / (h * h);
            for (int b = 0; b < a; b++) {
                double pp = at(likelihood, x, index[a], h, index[b], h);
                double pm = at(likelihood, x, index[a], h, index[b], -h);
                double mp = at(likelihood, x, index[a], -h, index[b], h);
                double mm = at(likelihood, x, index[a], -h, index[b], -h);
                information[a][b] = -(pp - pm - mp + mm) / (4 * h * h);
                information[b][a] = information[a][b];
            }
        }
        double[][] inverse;
        try {
            inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(information), 1e-12, 1e-14)
                    .getSolver().getInverse().getData();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return null;
        }
        double[][] covariance = new double[FitParameters.COUNT][FitParameters.COUNT];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                covariance[index[a]][index[b]] = inverse[a][b];
            }
        }
        return covariance;
    }

    private static double at(VisitLikelihood likelihood, double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        if (j >= 0) {
            y[j] += dj;
        }
        return likelihood.logLikelihood(FitParameters.fromArray(y));
    }
}

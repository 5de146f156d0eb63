package dev.loopsim.users.fit;

import dev.loopsim.users.data.DataFileException;
import java.util.stream.IntStream;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum-likelihood fit of a visit model (DESIGN §4) to a visit log.
 *
 * <p>The optimiser (Powell's BOBYQA, derivative-free) works in the form's optimiser coordinates
 * (see {@link VisitForm}). The excitation's decay is started from a few time scales (an hour to
 * two weeks) because the likelihood may have a local optimum per scale; the best is kept.
 * Standard errors are from the observed information: the numerical Hessian of log L at the
 * optimum, in natural coordinates.
 */
public final class VisitModelFitter {
    private static final double[] DECAY_STARTS_DAYS = {1.0 / 24, 1, 14};
    private static final double HESSIAN_STEP = 1e-3;
    /** Trust-region radii at which a search stops, in optimiser coordinates (standard errors are ~1e-2 and up). */
    private static final double COARSE_RADIUS = 1e-2;
    private static final double FINE_RADIUS = 1e-5;
    private static final int MAX_EVALUATIONS = 4000;

    private VisitModelFitter() { }

    public static VisitModelFit fit(VisitLog log, FitOptions options) {
        long returns = log.visits() - log.members().size();
        if (returns < 2) {
            throw new DataFileException(log.source(), 0, "fitting needs at least two returns (visits after a member's first), found "
                    + returns + "; is the session gap longer than the gaps between visits?");
        }
        VisitForm form = options.visitForm();
        VisitLikelihood likelihood = VisitLikelihood.of(log, options);
        boolean[] free = form.free(options);
        double[] start = form.start(pooledRate(log, returns), options);
        int evaluations = 0;
        double[] decays = options.excitation() && form.decayIndex() >= 0 ? DECAY_STARTS_DAYS : new double[]{Double.NaN};
        if (form instanceof HazardChurnForm churn) {
            // Churn makes every evaluation dearer: start from the fit without it (decay scales tried
            // there), so that one search from near the optimum does.
            VisitModelFit stay = fit(log, options.withChurn(false));
            double[] fromStay = churn.withChurn(stay.estimate(), start[churn.logRateIndex()], start[churn.logRateIndex() + 1]);
            start = optimiser(form, fromStay);
            evaluations += stay.evaluations();
            decays = new double[]{Double.NaN};
        }
        clampToBounds(form, start, free);
        // Each decay scale gets a coarse search; the best is then refined.
        PointValuePair best = null;
        for (double decay : decays) {
            if (!Double.isNaN(decay)) {
                start[form.decayIndex()] = Math.log(decay);
            }
            Search search = new Search(form, likelihood, free, start);
            PointValuePair found = search.run(COARSE_RADIUS);
            evaluations += search.evaluations;
            if (best == null || found.getValue() > best.getValue()) {
                best = new PointValuePair(search.full(found.getPoint()), found.getValue());
            }
        }
        Search refine = new Search(form, likelihood, free, best.getPoint());
        PointValuePair refined = refine.run(FINE_RADIUS);
        evaluations += refine.evaluations;
        if (refined.getValue() >= best.getValue()) {
            best = new PointValuePair(refine.full(refined.getPoint()), refined.getValue());
        }
        double[] estimate = natural(form, best.getPoint());
        boolean[] atBound = atBound(form, best.getPoint(), free);
        boolean[] interior = free.clone();
        for (int i = 0; i < interior.length; i++) {
            interior[i] &= !atBound[i];
        }
        double[][] covariance = covariance(likelihood, estimate, interior);
        if (covariance == null) {
            // A flat direction (a term the log does not use, say): leave out coordinates with next to no
            // information and try again; their estimates are reported as not identified.
            boolean[] informative = informative(likelihood, estimate, interior);
            covariance = covariance(likelihood, estimate, informative);
            if (covariance != null) {
                for (int i = 0; i < interior.length; i++) {
                    if (interior[i] && !informative[i]) {
                        covariance[i][i] = Double.NaN;
                    }
                }
            }
        }
        return new VisitModelFit(options, estimate, covariance, atBound, best.getValue(), likelihood.memberRates(estimate),
                log.members().size(), log.visits(), evaluations);
    }

    /** Free coordinates whose optimum is within 0.1% of the search range of a bound. */
    private static boolean[] atBound(VisitForm form, double[] x, boolean[] free) {
        double[] lower = form.lower();
        double[] upper = form.upper();
        boolean[] at = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            double tolerance = 1e-3 * (upper[i] - lower[i]);
            at[i] = free[i] && (x[i] - lower[i] < tolerance || upper[i] - x[i] < tolerance);
        }
        return at;
    }

    /** Returns per day observed, pooled over members: where the population's rate starts. */
    private static double pooledRate(VisitLog log, long returns) {
        double days = 0;
        for (VisitLog.MemberVisits m : log.members()) {
            days += log.endDay() - m.days()[0];
        }
        return (returns + 0.5) / Math.max(days, 1e-9);
    }

    /** Moves free coordinates inside the search's bounds; fixed ones keep their values. */
    private static void clampToBounds(VisitForm form, double[] x, boolean[] free) {
        double[] lower = form.lower();
        double[] upper = form.upper();
        for (int i = 0; i < x.length; i++) {
            if (!free[i]) {
                continue;
            }
            double margin = 0.05 * (upper[i] - lower[i]);
            x[i] = Math.max(lower[i] + margin, Math.min(upper[i] - margin, x[i]));
        }
    }

    /** Natural coordinates from optimiser coordinates: each seasonal pair through tanh of its length. */
    static double[] natural(VisitForm form, double[] x) {
        double[] n = x.clone();
        for (int c : form.seasonalPairs()) {
            double r = Math.hypot(x[c], x[c + 1]);
            double scale = r == 0 ? 1 : Math.tanh(r) / r;
            n[c] = x[c] * scale;
            n[c + 1] = x[c + 1] * scale;
        }
        return n;
    }

    /** Optimiser coordinates from natural ones: the inverse of {@link #natural}. */
    static double[] optimiser(VisitForm form, double[] natural) {
        double[] x = natural.clone();
        for (int c : form.seasonalPairs()) {
            double r = Math.hypot(natural[c], natural[c + 1]);
            double scale = r == 0 ? 1 : atanh(Math.min(r, 1 - 1e-12)) / r;
            x[c] = natural[c] * scale;
            x[c + 1] = natural[c + 1] * scale;
        }
        return x;
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    /** One BOBYQA run over the free coordinates, the fixed ones held at their start. */
    private static final class Search {
        private final VisitForm form;
        private final VisitLikelihood likelihood;
        private final int[] index;
        private final double[] start;
        int evaluations;

        Search(VisitForm form, VisitLikelihood likelihood, boolean[] free, double[] start) {
            this.form = form;
            this.likelihood = likelihood;
            this.start = start.clone();
            this.index = IntStream.range(0, free.length).filter(i -> free[i]).toArray();
        }

        double[] full(double[] reduced) {
            double[] x = start.clone();
            for (int k = 0; k < index.length; k++) {
                x[index[k]] = reduced[k];
            }
            return x;
        }

        PointValuePair run(double stoppingRadius) {
            double[] lowerAll = form.lower();
            double[] upperAll = form.upper();
            double[] initial = new double[index.length];
            double[] lower = new double[index.length];
            double[] upper = new double[index.length];
            for (int k = 0; k < index.length; k++) {
                initial[k] = start[index[k]];
                lower[k] = lowerAll[index[k]];
                upper[k] = upperAll[index[k]];
            }
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * index.length + 1, Math.min(0.5, 1e3 * stoppingRadius),
                    stoppingRadius);
            double[] bestSeen = initial.clone();
            double[] bestValue = {Double.NEGATIVE_INFINITY};
            PointValuePair result;
            try {
                result = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), GoalType.MAXIMIZE,
                        new InitialGuess(initial), new SimpleBounds(lower, upper),
                        new ObjectiveFunction(reduced -> {
                            double value = likelihood.logLikelihood(natural(form, full(reduced)));
                            if (value > bestValue[0]) {
                                bestValue[0] = value;
                                System.arraycopy(reduced, 0, bestSeen, 0, reduced.length);
                            }
                            return Double.isFinite(value) ? value : -1e300;
                        }));
                evaluations = optimizer.getEvaluations();
            } catch (TooManyEvaluationsException e) {
                // The likelihood is flat to within its rounding there: the best point seen is the answer.
                evaluations = MAX_EVALUATIONS;
                result = new PointValuePair(bestSeen, bestValue[0]);
            }
            return result;
        }
    }

    /** The coordinates whose own information −∂²log L/∂x² is above 1e-6 of the largest. */
    private static boolean[] informative(VisitLikelihood likelihood, double[] x, boolean[] free) {
        double center = likelihood.logLikelihood(x);
        double[] information = new double[x.length];
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            if (free[i]) {
                information[i] = -(at(likelihood, x, i, HESSIAN_STEP, -1, 0) - 2 * center
                        + at(likelihood, x, i, -HESSIAN_STEP, -1, 0)) / (HESSIAN_STEP * HESSIAN_STEP);
                largest = Math.max(largest, information[i]);
            }
        }
        boolean[] keep = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            keep[i] = free[i] && information[i] > 1e-6 * largest;
        }
        return keep;
    }

    /** (−H)⁻¹ over the free parameters by central differences, or null if −H is not positive definite. */
    static double[][] covariance(VisitLikelihood likelihood, double[] x, boolean[] free) {
        int[] index = IntStream.range(0, free.length).filter(i -> free[i]).toArray();
        int k = index.length;
        double center = likelihood.logLikelihood(x);
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
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            return null;
        }
        double[][] covariance = new double[x.length][x.length];
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
        return likelihood.logLikelihood(y);
    }
}

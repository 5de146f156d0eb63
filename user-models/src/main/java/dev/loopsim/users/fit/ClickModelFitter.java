package dev.loopsim.users.fit;

import dev.loopsim.users.data.DataFileException;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fits the position-based click model θ_k · σ(μ + b_i + c_c) by penalised, weighted maximum
 * likelihood (Fisher scoring). Rows with the same slot, item and context share a probability, so
 * the work after one pass over the log is per such cell, not per row: a million impressions cost
 * little more than a thousand.
 *
 * <p>Item and context effects have a N(0, s²) prior: a click log holds few clicks per item (OBD's
 * sample: 46 clicks for 34 items), and without it a rarely clicked item's effect runs off to −∞.
 * s is chosen from {@link #PRIOR_SDS} by 5-fold cross-validated log-likelihood on the fitted rows
 * alone. The slot effects log θ_k have a weak N(0, 3²) prior, so a slot without clicks stays finite.
 */
public final class ClickModelFitter {
    static final double[] PRIOR_SDS = {0.03125, 0.0625, 0.125, 0.25, 0.5, 1, 2};
    static final int FOLDS = 5;
    static final double SLOT_PRIOR_SD = 3;
    private static final int MAX_ITERATIONS = 200;

    private ClickModelFitter() { }

    /** Whether cross-validation chose the narrowest prior tried: the log cannot tell its items (or contexts) apart. */
    public static boolean narrowestPrior(ClickModel model) {
        return model.priorSd() == PRIOR_SDS[0];
    }

    /** The model fitted to every row of the log. */
    public static ClickModel fit(ClickLog log) {
        return fit(log, row -> true);
    }

    /** The model fitted to the rows {@code include} accepts, with the prior chosen by cross-validation on them. */
    public static ClickModel fit(ClickLog log, IntPredicate include) {
        double[] scores = crossValidated(log, include);
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return solve(new Cells(log, log.weights(), include), PRIOR_SDS[best]);
    }

    /** A model and the weight its prior earns. */
    public record Weighted(double weight, ClickModel model) { }

    /**
     * The model under every prior width tried, each weighted by exp of its cross-validated
     * log-likelihood (pseudo-Bayesian model averaging, Yao et al. 2018): predictions drawn from
     * the mixture carry the uncertainty of the prior's width, which the chosen model alone does not.
     */
    public static List<Weighted> averaged(ClickLog log) {
        double[] scores = crossValidated(log, row -> true);
        double best = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            best = Math.max(best, s);
        }
        double total = 0;
        double[] weights = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            weights[k] = Math.exp(scores[k] - best);
            total += weights[k];
        }
        Cells all = new Cells(log, log.weights(), row -> true);
        List<Weighted> models = new java.util.ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            models.add(new Weighted(weights[k] / total, solve(all, PRIOR_SDS[k])));
        }
        return models;
    }

    /** The 5-fold cross-validated log-likelihood of each prior width of {@link #PRIOR_SDS}. */
    static double[] crossValidated(ClickLog log, IntPredicate include) {
        double[] weights = log.weights();
        Cells all = new Cells(log, weights, include);
        if (all.clicks() == 0) {
            throw new DataFileException(log.source(), 0, "no clicks among the " + all.rows() + " impressions: a click model needs some");
        }
        Cells[] folds = new Cells[FOLDS];
        Cells[] complements = new Cells[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            int fold = f;
            folds[f] = new Cells(log, weights, row -> include.test(row) && row % FOLDS == fold);
            complements[f] = new Cells(log, weights, row -> include.test(row) && row % FOLDS != fold);
        }
        double[] scores = new double[PRIOR_SDS.length];
        for (int k = 0; k < PRIOR_SDS.length; k++) {
            for (int f = 0; f < FOLDS; f++) {
                scores[k] += folds[f].logLikelihood(solve(complements[f], PRIOR_SDS[k]).parameters());
            }
        }
        return scores;
    }

    /** The penalised maximum for one prior, with its covariance. */
    static ClickModel solve(Cells cells, double priorSd) {
        int dimension = cells.slots + cells.items + cells.contexts;
        double[] precision = new double[dimension];
        for (int p = 1; p < dimension; p++) {
            precision[p] = p < cells.slots ? 1 / (SLOT_PRIOR_SD * SLOT_PRIOR_SD) : 1 / (priorSd * priorSd);
        }
        double[] beta = new double[dimension];
        double rate = Math.max(cells.clicks(), 0.5) / cells.weight();
        beta[0] = Math.log(rate / (1 - rate));
        double objective = cells.logLikelihood(beta) - penalty(beta, precision);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] score = new double[dimension];
            double[][] information = new double[dimension][dimension];
            cells.scoreAndInformation(beta, score, information, null);
            for (int p = 0; p < dimension; p++) {
                score[p] -= precision[p] * beta[p];
                information[p][p] += precision[p];
            }
            double[] step = new CholeskyDecomposition(new Array2DRowRealMatrix(information, false), 1e-14, 1e-300)
                    .getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(score, false)).toArray();
            double length = 1;
            double[] next = new double[dimension];
            double nextObjective = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 60; halving++) {
                for (int p = 0; p < dimension; p++) {
                    next[p] = beta[p] + length * step[p];
                }
                nextObjective = cells.logLikelihood(next) - penalty(next, precision);
                if (nextObjective >= objective - 1e-12 * Math.abs(objective)) {
                    break;
                }
                length /= 2;
            }
            double largestStep = 0;
            for (int p = 0; p < dimension; p++) {
                largestStep = Math.max(largestStep, Math.abs(next[p] - beta[p]));
            }
            double gain = nextObjective - objective;
            beta = next;
            objective = nextObjective;
            if (largestStep < 1e-8 || (gain < 1e-11 * (1 + Math.abs(objective)) && largestStep < 1e-5)) {
                break;
            }
        }
        return new ClickModel(cells.slots, cells.items, cells.contexts, beta, covariance(cells, beta, precision), priorSd);
    }

    /**
     * The sandwich A⁻¹ (G + Λ) A⁻¹, A the penalised information, G the sum of weighted squared
     * scores and Λ the prior's precision: the inverse of A when every row weighs 1, wider when
     * inverse-propensity weights vary.
     */
    private static double[][] covariance(Cells cells, double[] beta, double[] precision) {
        int dimension = beta.length;
        double[][] information = new double[dimension][dimension];
        double[][] meat = new double[dimension][dimension];
        cells.scoreAndInformation(beta, new double[dimension], information, meat);
        for (int p = 0; p < dimension; p++) {
            information[p][p] += precision[p];
            meat[p][p] += precision[p];
        }
        RealMatrix inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(information, false), 1e-14, 1e-300)
                .getSolver().getInverse();
        double[][] sandwich = inverse.multiply(new Array2DRowRealMatrix(meat, false)).multiply(inverse).getData();
        for (int a = 0; a < dimension; a++) {
            for (int b = 0; b < a; b++) {
                double mean = (sandwich[a][b] + sandwich[b][a]) / 2;  // symmetric but for rounding
                sandwich[a][b] = mean;
                sandwich[b][a] = mean;
            }
        }
        return sandwich;
    }

    private static double penalty(double[] beta, double[] precision) {
        double sum = 0;
        for (int p = 0; p < beta.length; p++) {
            sum += precision[p] * beta[p] * beta[p];
        }
        return sum / 2;
    }

    /** Weighted clicks and non-clicks (and their squared weights) per slot × item × context. */
    static final class Cells {
        final int slots;
        final int items;
        final int contexts;
        final double[] clicked;
        final double[] unclicked;
        final double[] clickedSquares;
        final double[] unclickedSquares;
        private int rows;
        private int clicks;

        Cells(ClickLog log, double[] weights, IntPredicate include) {
            slots = log.slots();
            items = log.items().size();
            contexts = log.contexts().size();
            int size = slots * items * contexts;
            clicked = new double[size];
            unclicked = new double[size];
            clickedSquares = new double[size];
            unclickedSquares = new double[size];
            for (int row = 0; row < log.rows(); row++) {
                if (!include.test(row)) {
                    continue;
                }
                int cell = (log.slot()[row] * items + log.item()[row]) * contexts + log.context()[row];
                double w = weights[row];
                if (log.click()[row]) {
                    clicked[cell] += w;
                    clickedSquares[cell] += w * w;
                    clicks++;
                } else {
                    unclicked[cell] += w;
                    unclickedSquares[cell] += w * w;
                }
                rows++;
            }
        }

        int rows() {
            return rows;
        }

        int clicks() {
            return clicks;
        }

        double weight() {
            double sum = 0;
            for (int cell = 0; cell < clicked.length; cell++) {
                sum += clicked[cell] + unclicked[cell];
            }
            return sum;
        }

        /** Σ w·log-likelihood; −∞ where a probability reaches 1. */
        double logLikelihood(double[] beta) {
            double sum = 0;
            for (int slot = 0; slot < slots; slot++) {
                double logExamination = slot == 0 ? 0 : beta[slot];
                for (int item = 0; item < items; item++) {
                    for (int context = 0; context < contexts; context++) {
                        int cell = (slot * items + item) * contexts + context;
                        if (clicked[cell] + unclicked[cell] == 0) {
                            continue;
                        }
                        double eta = beta[0] + beta[slots + item] + beta[slots + items + context];
                        double logP = logExamination - Math.log1p(Math.exp(-eta));
                        if (!(logP < 0)) {
                            return Double.NEGATIVE_INFINITY;
                        }
                        sum += clicked[cell] * logP + unclicked[cell] * Math.log(-Math.expm1(logP));
                    }
                }
            }
            return sum;
        }

        /**
         * Adds the score and the expected (Fisher) information at β, and when {@code meat} is not
         * null the sum of squared weighted scores.
         */
        void scoreAndInformation(double[] beta, double[] score, double[][] information, double[][] meat) {
            int[] index = new int[4];
            double[] v = new double[4];
            for (int slot = 0; slot < slots; slot++) {
                double logExamination = slot == 0 ? 0 : beta[slot];
                for (int item = 0; item < items; item++) {
                    for (int context = 0; context < contexts; context++) {
                        int cell = (slot * items + item) * contexts + context;
                        double n = clicked[cell] + unclicked[cell];
                        if (n == 0) {
                            continue;
                        }
                        double eta = beta[0] + beta[slots + item] + beta[slots + items + context];
                        double attraction = 1 / (1 + Math.exp(-eta));
                        double p = Math.exp(logExamination) * attraction;
                        double notAttracted = 1 - attraction;
                        int terms = 0;
                        if (slot > 0) {
                            index[terms] = slot;
                            v[terms++] = 1;
                        }
                        index[terms] = 0;
                        v[terms++] = notAttracted;
                        index[terms] = slots + item;
                        v[terms++] = notAttracted;
                        index[terms] = slots + items + context;
                        v[terms++] = notAttracted;
                        double residual = (clicked[cell] - n * p) / (1 - p);
                        double fisher = n * p / (1 - p);
                        double clickScore = 1;  // (1 − p)/(1 − p)
                        double noClickScore = -p / (1 - p);
                        for (int a = 0; a < terms; a++) {
                            score[index[a]] += residual * v[a];
                            for (int b = 0; b < terms; b++) {
                                information[index[a]][index[b]] += fisher * v[a] * v[b];
                                if (meat != null) {
                                    meat[index[a]][index[b]] += (clickedSquares[cell] * clickScore * clickScore
                                            + unclickedSquares[cell] * noClickScore * noClickScore) * v[a] * v[b];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

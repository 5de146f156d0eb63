package dev.loopsim.users.fit;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.special.Gamma;

/**
 * How much of a play is watched, fitted to the plays of a log: ω ~ Beta(mκ, (1 − m)κ) with
 * m = σ(β_w + ℓ), ℓ the played item's fitted attraction logit in the member's context, the
 * simulator's watching in a world fitted from clicks (where U = ℓ). Without it such a world
 * watches σ(ℓ) of a play, a click rate, and its members' satisfaction, which drives their visits
 * and their leaving, is off the log's scale. Maximum likelihood by BOBYQA over (β_w, log κ);
 * standard errors from the numerical Hessian, taking the logits as known (the click fit's own
 * uncertainty is not carried over).
 *
 * @param plays          plays fitted
 * @param meanWatch      their mean watch fraction
 * @param offset         β_w
 * @param offsetSe       its standard error
 * @param concentration  κ
 * @param concentrationSe its standard error (delta method)
 */
public record WatchFit(int plays, double meanWatch, double offset, double offsetSe, double concentration,
                       double concentrationSe) {
    /** Watch fractions of exactly 0 or 1 (rounding) are moved this far inside, where the Beta density is finite. */
    private static final double EDGE = 1e-9;

    /**
     * @param logit each play's attraction logit ℓ
     * @param watch each play's watch fraction, in [0, 1]
     */
    public static WatchFit of(double[] logit, double[] watch) {
        if (logit.length != watch.length || logit.length < 10) {
            throw new IllegalArgumentException("a watch fit needs at least 10 plays with one logit each, found " + watch.length);
        }
        double[] logW = new double[watch.length];
        double[] log1mW = new double[watch.length];
        double mean = 0;
        for (int i = 0; i < watch.length; i++) {
            double w = Math.min(1 - EDGE, Math.max(EDGE, watch[i]));
            logW[i] = Math.log(w);
            log1mW[i] = Math.log1p(-w);
            mean += watch[i] / watch.length;
        }
        double meanLogit = 0;
        for (double l : logit) {
            meanLogit += l / logit.length;
        }
        double start = Math.log(Math.max(EDGE, Math.min(1 - EDGE, mean)) / (1 - Math.max(EDGE, Math.min(1 - EDGE, mean)))) - meanLogit;
        var objective = new ObjectiveFunction(x -> logLikelihood(x[0], x[1], logit, logW, log1mW));
        var best = new BOBYQAOptimizer(5, 0.5, 1e-9).optimize(new MaxEval(5000), GoalType.MAXIMIZE, objective,
                new InitialGuess(new double[]{Math.max(-19, Math.min(19, start)), Math.log(4)}),
                new SimpleBounds(new double[]{-20, Math.log(0.01)}, new double[]{20, Math.log(1e4)}));
        double b = best.getPoint()[0];
        double k = best.getPoint()[1];
        double h = 1e-4;
        double f = best.getValue();
        double hbb = (logLikelihood(b + h, k, logit, logW, log1mW) - 2 * f + logLikelihood(b - h, k, logit, logW, log1mW)) / (h * h);
        double hkk = (logLikelihood(b, k + h, logit, logW, log1mW) - 2 * f + logLikelihood(b, k - h, logit, logW, log1mW)) / (h * h);
        double hbk = (logLikelihood(b + h, k + h, logit, logW, log1mW) - logLikelihood(b + h, k - h, logit, logW, log1mW)
                - logLikelihood(b - h, k + h, logit, logW, log1mW) + logLikelihood(b - h, k - h, logit, logW, log1mW)) / (4 * h * h);
        double det = hbb * hkk - hbk * hbk;
        double varB = det > 0 && hbb < 0 ? -hkk / det : Double.NaN;
        double varK = det > 0 && hbb < 0 ? -hbb / det : Double.NaN;
        return new WatchFit(watch.length, mean, b, Math.sqrt(varB), Math.exp(k), Math.exp(k) * Math.sqrt(varK));
    }

    /** Σ log Beta(ω_i; m_iκ, (1 − m_i)κ), m_i = σ(β + ℓ_i), κ = e^{logκ}. */
    static double logLikelihood(double beta, double logKappa, double[] logit, double[] logW, double[] log1mW) {
        double kappa = Math.exp(logKappa);
        double sum = 0;
        double logGammaKappa = Gamma.logGamma(kappa);
        for (int i = 0; i < logit.length; i++) {
            double m = 1 / (1 + Math.exp(-(beta + logit[i])));
            double a = Math.max(1e-300, m * kappa);
            double c = Math.max(1e-300, (1 - m) * kappa);
            sum += logGammaKappa - Gamma.logGamma(a) - Gamma.logGamma(c) + (a - 1) * logW[i] + (c - 1) * log1mW[i];
        }
        return sum;
    }
}

package dev.loopsim.users.fit;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * A member's base rate r integrated out against the population's log-normal prior:
 * log ∫ L(r)·LN(r; μ, σ) dr, with L(r) a {@link MemberLikelihood}.
 *
 * <p>In y = log r the integrand is smooth and single-peaked, and exactly log-concave in the
 * self-exciting form, so it is integrated by adaptive Gauss–Hermite quadrature centred on its
 * mode with its curvature (exact for a Gaussian; to about nine digits here with 32 nodes). The
 * posterior of r is what shrinks a member with few visits toward the population.
 */
final class RateMarginal {
    private static final int NODES = 32;
    private static final double[] X = new double[NODES];
    private static final double[] W = new double[NODES];
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    static {
        var rule = new GaussIntegratorFactory().hermite(NODES);
        for (int i = 0; i < NODES; i++) {
            X[i] = rule.getPoint(i);
            W[i] = rule.getWeight(i);
        }
    }

    private final MemberLikelihood member;
    private final double mu;
    private final double sigma;
    private final double mode;
    private final double scale;

    RateMarginal(MemberLikelihood member, double mu, double sigma) {
        this.member = member;
        this.mu = mu;
        this.sigma = sigma;
        this.mode = mode();
        double curvature = -member.derivatives(mode)[1] + 1 / (sigma * sigma);
        this.scale = 1 / Math.sqrt(Math.max(curvature, 1e-12));
    }

    private double f(double y) {
        double z = (y - mu) / sigma;
        return member.at(y) - 0.5 * z * z;
    }

    /** log of the marginal likelihood. */
    double logMarginal() {
        double peak = f(mode);
        double sum = 0;
        for (int i = 0; i < NODES; i++) {
            double y = mode + Math.sqrt(2) * scale * X[i];
            sum += W[i] * Math.exp(f(y) - peak + X[i] * X[i]);
        }
        return peak + Math.log(Math.sqrt(2) * scale * sum) - Math.log(sigma) - LOG_SQRT_2PI;
    }

    /** E[r | visits]: the member's shrunk base rate. */
    double mean() {
        double peak = f(mode);
        double weight = 0;
        double weighted = 0;
        for (int i = 0; i < NODES; i++) {
            double y = mode + Math.sqrt(2) * scale * X[i];
            double g = W[i] * Math.exp(f(y) - peak + X[i] * X[i]);
            weight += g;
            weighted += g * Math.exp(y);
        }
        return weighted / weight;
    }

    /** log E[exp(−c·r) | visits]. */
    double logMeanOfExp(double c) {
        return logMean(r -> -c * r);
    }

    /** log E[T(r) | visits] for a gap's survival T that churn may end unseen. */
    double logMeanOf(GapSurvival survival) {
        return logMean(survival::log);
    }

    /** log E[g(r) | visits] from log g, by the same quadrature, summed in logs so that no term underflows. */
    private double logMean(java.util.function.DoubleUnaryOperator logValue) {
        double peak = f(mode);
        double max = Double.NEGATIVE_INFINITY;
        double[] logTerms = new double[NODES];
        double[] logWeights = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            double y = mode + Math.sqrt(2) * scale * X[i];
            logWeights[i] = Math.log(W[i]) + f(y) - peak + X[i] * X[i];
            logTerms[i] = logWeights[i] + logValue.applyAsDouble(Math.exp(y));
            max = Math.max(max, Math.max(logTerms[i], logWeights[i]));
        }
        double terms = 0;
        double weights = 0;
        for (int i = 0; i < NODES; i++) {
            terms += Math.exp(logTerms[i] - max);
            weights += Math.exp(logWeights[i] - max);
        }
        return Math.log(terms) - Math.log(weights);
    }

    /**
     * The root of f'(y), by Newton steps kept inside a bracket that bisection shrinks. f' runs
     * from +∞ (the prior's pull, as y → −∞) to −∞ (the integral's, as y → +∞), so a bracket
     * exists; in the self-exciting form f is concave and Newton alone would do.
     */
    private double mode() {
        double precision = 1 / (sigma * sigma);
        double n = member.count();
        double y = n > 0 && member.rateIntegral() > 0 ? Math.log(n / member.rateIntegral()) : mu;
        y = Math.max(mu - 10 * sigma, Math.min(mu + 10 * sigma, y));
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] d = member.derivatives(y);
            double slope = d[0] - (y - mu) * precision;
            double curvature = d[1] - precision;
            if (slope > 0) {
                lo = y;
            } else {
                hi = y;
            }
            double next = curvature < 0 ? y - slope / curvature : Double.NaN;
            if (!(next > lo && next < hi) || Math.abs(next - y) > 4) {
                // Outside the bracket, or a wild step: bisect, or walk toward the root while unbracketed.
                next = Double.isInfinite(lo) ? y - 4 : Double.isInfinite(hi) ? y + 4 : 0.5 * (lo + hi);
            }
            if (Math.abs(next - y) < 1e-12 * Math.max(1, Math.abs(y)) || hi - lo < 1e-12 * Math.max(1, Math.abs(y))) {
                return next;
            }
            y = next;
        }
        return y;
    }
}

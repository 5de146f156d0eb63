package dev.loopsim.users.fit;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * A member's base rate b integrated out against the population's log-normal prior:
 * log ∫ b^n·e^{−b·I}·LN(b; μ, σ) db, where n is the member's visits after the first and I the
 * integral of the rest of the intensity over their observed time.
 *
 * <p>In y = log b the integrand exp(n·y − I·e^y − (y − μ)²/2σ²) is log-concave, so it is
 * integrated by adaptive Gauss–Hermite quadrature centred on its mode with its curvature
 * (exact for a Gaussian, and to many digits here with 32 nodes). The posterior of b is what
 * shrinks a member with few visits toward the population.
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

    private RateMarginal() { }

    /** log of the marginal likelihood of (n, I) under log b ~ N(μ, σ²). */
    static double logMarginal(double n, double integral, double mu, double sigma) {
        return new Posterior(n, integral, mu, sigma).logMarginal();
    }

    /** E[b | n, I]: the member's shrunk base rate. */
    static double posteriorMean(double n, double integral, double mu, double sigma) {
        return new Posterior(n, integral, mu, sigma).mean();
    }

    private record Posterior(double n, double integral, double mu, double sigma, double mode, double scale) {
        Posterior(double n, double integral, double mu, double sigma) {
            this(n, integral, mu, sigma, mode(n, integral, mu, sigma),
                    1 / Math.sqrt(integral * Math.exp(mode(n, integral, mu, sigma)) + 1 / (sigma * sigma)));
        }

        double f(double y) {
            double z = (y - mu) / sigma;
            return n * y - integral * Math.exp(y) - 0.5 * z * z;
        }

        double logMarginal() {
            double peak = f(mode);
            double sum = 0;
            for (int i = 0; i < NODES; i++) {
                double y = mode + Math.sqrt(2) * scale * X[i];
                sum += W[i] * Math.exp(f(y) - peak + X[i] * X[i]);
            }
            return peak + Math.log(Math.sqrt(2) * scale * sum) - Math.log(sigma) - LOG_SQRT_2PI;
        }

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

        /** The root of n − I·e^y − (y − μ)/σ² (decreasing in y), by damped Newton steps. */
        private static double mode(double n, double integral, double mu, double sigma) {
            double precision = 1 / (sigma * sigma);
            double y = n > 0 && integral > 0 ? Math.min(Math.log(n / integral), mu + 10 * sigma) : mu;
            y = Math.max(y, mu - 10 * sigma);
            for (int iteration = 0; iteration < 100; iteration++) {
                double e = integral * Math.exp(y);
                double slope = n - e - (y - mu) * precision;
                double step = slope / (e + precision);
                step = Math.max(-2, Math.min(2, step));
                y += step;
                if (Math.abs(step) < 1e-12 * Math.max(1, Math.abs(y))) {
                    break;
                }
            }
            return y;
        }
    }
}

package dev.loopsim.results.ope;

/**
 * An estimate of a target policy's value with its 95% interval.
 *
 * @param estimator      the estimator's name
 * @param value          the estimate (NaN when the log holds nothing it can use)
 * @param lower          the interval's lower end
 * @param upper          the interval's upper end
 * @param rounds         rounds the estimator used
 */
public record OpeEstimate(String estimator, double value, double lower, double upper, long rounds) {

    public boolean covers(double truth) {
        return lower <= truth && truth <= upper;
    }
}

package dev.loopsim.scenarios.scorecard;

/**
 * One method's forecast of a rate, against what was observed.
 *
 * @param method   who forecast it
 * @param estimate the forecast
 * @param lower    its 95% interval's lower end
 * @param upper    its upper end
 * @param observed the rate it forecasts
 * @param baseline the naive forecast (the training arm's own rate): an interval holding both it and
 *                 the observation cannot tell the two apart; NaN for the naive forecast itself
 */
public record Forecast(String method, double estimate, double lower, double upper, double observed, double baseline) {

    public double error() {
        return estimate - observed;
    }

    public boolean covers() {
        return lower <= observed && observed <= upper;
    }

    /** Whether the interval is too wide to decide: it holds the naive forecast as well as the observation. */
    public boolean undecided() {
        return lower <= baseline && baseline <= upper;
    }

    public String verdict() {
        return !covers() ? "misses" : undecided() ? "covers, too wide to tell from naive" : "covers";
    }
}

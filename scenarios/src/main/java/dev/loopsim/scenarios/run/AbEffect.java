package dev.loopsim.scenarios.run;

import dev.loopsim.results.stats.Interval;

/**
 * One treatment effect of an A/B test, as an analyst reads it: a cell's lift over the control
 * (treatment / control − 1) in one variant (a training mode, or the counterfactual of shipping
 * each cell to everyone) at one readout day, with its interval and two-sided p-value over replicates.
 *
 * @param control   the control's mean value over replicates
 * @param treatment the cell's mean value over replicates
 * @param lift      the lift's mean and interval over replicates (repeating the test)
 * @param pValue    two-sided p over replicates
 * @param analystLift  what an analyst reads from replicate 0 alone: the lift, with an interval and two-sided p
 *                     from the spread between members (per-member metrics of a test; NaN otherwise)
 */
public record AbEffect(String variant, int day, String cell, String metric, double control, double treatment,
                       Interval lift, double pValue, double analystLift, double analystLower, double analystUpper,
                       double analystP) { }

package dev.loopsim.scenarios.run;

import dev.loopsim.results.stats.Interval;

/**
 * One treatment effect of an A/B test, as an analyst reads it: a cell's lift over the control
 * (treatment / control − 1) in one variant (a training mode, or the counterfactual of shipping
 * each cell to everyone) at one readout day, with its interval and two-sided p-value over replicates.
 *
 * @param control   the control's mean value over replicates
 * @param treatment the cell's mean value over replicates
 */
public record AbEffect(String variant, int day, String cell, String metric, double control, double treatment,
                       Interval lift, double pValue) { }

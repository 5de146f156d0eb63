package dev.loopsim.scenarios.expect;

import dev.loopsim.results.stats.Interval;

/**
 * How an expectation fared.
 *
 * @param expectation the expectation
 * @param passed      whether it held
 * @param difference  interval of the paired difference (left − right) over replicates
 * @param pValue      one-sided p-value of the stated direction; NaN with one replicate
 * @param detail      a sentence a person can read
 */
public record ExpectationResult(Expectation expectation, boolean passed, Interval difference, double pValue,
                                String detail) { }

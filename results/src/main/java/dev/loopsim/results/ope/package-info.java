/**
 * Off-policy estimators: the value of a target policy from rounds logged under another, with
 * 95% intervals (replay, IPS, SNIPS, the direct method, doubly robust, switch-DR).
 */
package dev.loopsim.results.ope;

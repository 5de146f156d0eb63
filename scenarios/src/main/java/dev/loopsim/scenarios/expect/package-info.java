/** Expectations: statements a scenario's results must satisfy, checked with a paired test across replicates. */
package dev.loopsim.scenarios.expect;

/** Metrics: per-shard tallies merged in a fixed order into daily rows and run totals. */
package dev.loopsim.results.metrics;

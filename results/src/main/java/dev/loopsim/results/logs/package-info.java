/**
 * Event logs of a run (impressions with propensities, plays, visits, delayed rewards), streamed
 * to disk while it runs so that memory stays flat, then gathered into one Parquet or CSV file per kind.
 */
package dev.loopsim.results.logs;

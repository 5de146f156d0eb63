/** What a run produced: metrics, summaries across replicates, and the files of a run directory. */
package dev.loopsim.results;

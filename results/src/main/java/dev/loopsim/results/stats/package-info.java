/** Statistics across replicates: means with Student-t intervals, paired comparisons. */
package dev.loopsim.results.stats;

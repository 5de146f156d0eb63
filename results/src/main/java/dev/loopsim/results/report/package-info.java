/** The HTML report of a run directory: one self-contained page of charts and tables. */
package dev.loopsim.results.report;

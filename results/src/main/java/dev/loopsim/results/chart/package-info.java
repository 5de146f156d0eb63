/** Charts rendered with XChart, for fit diagnostics and reports. */
package dev.loopsim.results.chart;

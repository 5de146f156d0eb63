package dev.loopsim.results.metrics;

/**
 * A metric's name (as it appears in summaries and expectations), its definition, and whether
 * larger is better.
 */
public record MetricDefinition(String name, String definition, boolean higherIsBetter) { }

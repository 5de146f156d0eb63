package dev.loopsim.results.metrics;

/**
 * A metric's name (as it appears in summaries and expectations), its definition, whether larger
 * is better, and whether it also has a value per day (a column of daily.csv).
 */
public record MetricDefinition(String name, String definition, boolean higherIsBetter, boolean daily) {

    /** A metric with a run-level value only. */
    public MetricDefinition(String name, String definition, boolean higherIsBetter) {
        this(name, definition, higherIsBetter, false);
    }
}

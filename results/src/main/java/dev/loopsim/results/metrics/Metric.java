package dev.loopsim.results.metrics;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A run-level metric: its name and meaning, the tally it counts in, and how its value follows.
 * Adding a metric is one class like the ones in this package plus one line in {@link Metrics}:
 * it then appears in summary.json, runs.csv, expectations, reports and the README's table (and,
 * with {@link #perDay}, in daily.csv).
 *
 * <p>Every metric follows one rule: where there is nothing to measure (no visits, no plays, no
 * members eligible), its value is NaN, written as null in JSON, empty in CSV and n/a in tables.
 *
 * @param <T> the tally it counts in
 */
public interface Metric<T extends Tally<T>> {

    /** The name in summaries, CSV headers and expectations: lower_snake_case. */
    String name();

    String definition();

    boolean higherIsBetter();

    /** An empty tally for one shard of this run (or one day of it). */
    T newTally(RunShape run);

    /** The value over a whole run, from the merged tally and what is known at the horizon. */
    double value(T tally, RunEnd end);

    /**
     * How to value one day's tally, for a metric that is also a column of daily.csv; empty for
     * one that has only a run-level value. The run's tally is its days' tallies combined.
     */
    default Optional<ToDoubleFunction<T>> perDay() {
        return Optional.empty();
    }

    default MetricDefinition describe() {
        return new MetricDefinition(name(), definition(), higherIsBetter(), perDay().isPresent());
    }
}

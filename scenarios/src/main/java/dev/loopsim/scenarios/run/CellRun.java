package dev.loopsim.scenarios.run;

import dev.loopsim.results.metrics.DailyRow;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one cell in one replicate.
 *
 * @param cell        the cell's name
 * @param replicate   the replicate, 0-based
 * @param metrics     run-level metric values by name
 * @param daily       daily metrics
 * @param visits      visits simulated
 * @param seconds     wall-clock time of the run
 */
public record CellRun(String cell, int replicate, Map<String, Double> metrics, List<DailyRow> daily, long visits,
                      double seconds) {

    public CellRun {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        daily = List.copyOf(daily);
    }
}

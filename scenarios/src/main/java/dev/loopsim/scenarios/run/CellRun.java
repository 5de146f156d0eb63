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
 * @param retention   the share of members not churned by each week of membership (empty for a bandit world)
 * @param retrainSeconds wall-clock time of the run spent retraining its policies (for benchmarks; not in results)
 */
public record CellRun(String cell, int replicate, Map<String, Double> metrics, List<DailyRow> daily, long visits,
                      double seconds, List<Double> retention, double retrainSeconds) {

    public CellRun {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        daily = List.copyOf(daily);
        retention = retention == null ? List.of() : List.copyOf(retention);
    }

    /** A run without a retention curve. */
    public CellRun(String cell, int replicate, Map<String, Double> metrics, List<DailyRow> daily, long visits, double seconds) {
        this(cell, replicate, metrics, daily, visits, seconds, List.of(), 0);
    }

    /** The same run with other metrics. */
    public CellRun withMetrics(Map<String, Double> other) {
        return new CellRun(cell, replicate, other, daily, visits, seconds, retention, retrainSeconds);
    }
}

package dev.loopsim.scenarios.run;

import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.results.ope.OpeEstimate;
import dev.loopsim.scenarios.spec.OpeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Off-policy estimates set against the truth: per replicate, each target's estimates from the
 * logging run, and the target's own on-policy value in the same replicate (plays per page visit,
 * which on a one-title page is its take fraction).
 */
public final class OpeTruth {
    private OpeTruth() { }

    /**
     * One estimate of one target in one replicate.
     *
     * @param truth the target's on-policy value in the same replicate
     */
    public record Row(int replicate, String target, OpeEstimate estimate, double truth) {
        public double error() {
            return estimate.value() - truth;
        }
    }

    /** How one estimator did for one target over the replicates. */
    public record Summary(String target, String estimator, double meanEstimate, double meanTruth, double bias,
                          double rmse, double coverage, int replicates) { }

    /** The rows of every replicate, from the logging run's estimates and the targets' runs. */
    static List<Row> rows(List<Map<String, List<OpeEstimate>>> estimatesByReplicate, List<CellRun> runs) {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < estimatesByReplicate.size(); r++) {
            int replicate = r;
            estimatesByReplicate.get(r).forEach((target, estimates) -> {
                double truth = runs.stream().filter(run -> run.cell().equals(target) && run.replicate() == replicate)
                        .findFirst().orElseThrow().metrics().get(Metrics.PAGE_PLAYS_PER_VISIT);
                estimates.forEach(estimate -> rows.add(new Row(replicate, target, estimate, truth)));
            });
        }
        return rows;
    }

    /** Each target's runs with the block's per-replicate metrics added, for expectations and tables. */
    static List<CellRun> withMetrics(List<CellRun> runs, List<Row> rows) {
        List<CellRun> out = new ArrayList<>();
        for (CellRun run : runs) {
            List<Row> mine = rows.stream().filter(row -> row.target().equals(run.cell()) && row.replicate() == run.replicate())
                    .toList();
            if (mine.isEmpty()) {
                out.add(run);
                continue;
            }
            Map<String, Double> metrics = new LinkedHashMap<>(run.metrics());
            for (Row row : mine) {
                String estimator = row.estimate().estimator();
                metrics.put(OpeSpec.metric(estimator, "estimate"), row.estimate().value());
                metrics.put(OpeSpec.metric(estimator, "error"), row.error());
                metrics.put(OpeSpec.metric(estimator, "abs_error"), Math.abs(row.error()));
                metrics.put(OpeSpec.metric(estimator, "squared_error"), row.error() * row.error());
                // A refused estimate has no interval: nothing to measure, so NaN (never a 0 that reads as a miss).
                metrics.put(OpeSpec.metric(estimator, "covered"), Double.isNaN(row.estimate().lower()) ? Double.NaN
                        : row.estimate().covers(row.truth()) ? 1.0 : 0.0);
            }
            out.add(run.withMetrics(metrics));
        }
        return out;
    }

    /** Bias, RMSE and coverage of every (target, estimator), in the order of the rows. */
    public static List<Summary> summarise(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(row.target() + "\u0000" + row.estimate().estimator(), k -> new ArrayList<>())
                .add(row));
        List<Summary> out = new ArrayList<>();
        for (List<Row> group : groups.values()) {
            int n = group.size();
            double estimate = group.stream().mapToDouble(r -> r.estimate().value()).average().orElse(Double.NaN);
            double truth = group.stream().mapToDouble(Row::truth).average().orElse(Double.NaN);
            double bias = group.stream().mapToDouble(Row::error).average().orElse(Double.NaN);
            double rmse = Math.sqrt(group.stream().mapToDouble(r -> r.error() * r.error()).average().orElse(Double.NaN));
            double coverage = group.stream().filter(r -> r.estimate().covers(r.truth())).count() / (double) n;
            out.add(new Summary(group.get(0).target(), group.get(0).estimate().estimator(), estimate, truth, bias, rmse,
                    coverage, n));
        }
        return out;
    }

    /**
     * The estimator to trust for a target: the smallest RMSE among those whose intervals covered
     * the truth about as often as they claim (at least 95% less two binomial standard errors over
     * the replicates); with none such, the smallest RMSE, flagged.
     */
    public static String trusted(List<Summary> ofTarget) {
        int n = ofTarget.get(0).replicates();
        double floor = 0.95 - 2 * Math.sqrt(0.95 * 0.05 / n);
        var calibrated = ofTarget.stream().filter(s -> s.coverage() >= floor && Double.isFinite(s.rmse()))
                .min(java.util.Comparator.comparingDouble(Summary::rmse));
        if (calibrated.isPresent()) {
            return calibrated.get().estimator();
        }
        return ofTarget.stream().filter(s -> Double.isFinite(s.rmse())).min(java.util.Comparator.comparingDouble(Summary::rmse))
                .map(s -> s.estimator() + " (no estimator's interval covered the truth at its nominal rate)").orElse("none");
    }
}

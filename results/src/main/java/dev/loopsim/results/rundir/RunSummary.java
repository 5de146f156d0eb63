package dev.loopsim.results.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.results.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * summary.json of a run (not a sweep's): per cell and metric the mean over replicates with its
 * interval, the expectations' verdicts, and the off-policy estimates against the truth.
 *
 * @param cells by cell, then by metric, in the order the run reported them
 * @param ope   by target policy; empty for a run without an ope block
 */
public record RunSummary(String scenario, boolean complete, long seed, int replicates, double confidence, long visits,
                         Map<String, Map<String, MetricSummary>> cells, List<ExpectationSummary> expectations,
                         boolean expectationsHold, Map<String, OpeTarget> ope) {

    public static final String FILE = "summary.json";

    /** A metric over replicates: NaN where there was nothing to measure. */
    public record MetricSummary(double mean, double lower, double upper, int n) { }

    /**
     * An expectation's verdict. Its bounds are the confidence set of its test at {@code level}: one
     * of them is null (unbounded) for a one-sided test.
     *
     * @param test     the test that decided (paired-t, sign, binomial, equivalence, none); "" in runs
     *                 stored before tests were named
     * @param estimate the mean over replicates of what was tested: the margin of a comparison, the mean
     *                 of a range, the share of a 0/1 metric
     */
    public record ExpectationSummary(String expectation, boolean passed, String test, double estimate, double lower,
                                     double upper, double level, double pValue, String detail) { }

    /** @param trusted the estimator the data supports for this target, or a reason none is */
    public record OpeTarget(String trusted, Map<String, OpeEstimator> estimators) {
        public OpeTarget {
            estimators = Collections.unmodifiableMap(new LinkedHashMap<>(estimators));
        }
    }

    public record OpeEstimator(double meanEstimate, double meanTruth, double bias, double rmse, double coverage,
                               int replicates) { }

    public RunSummary {
        Map<String, Map<String, MetricSummary>> copy = new LinkedHashMap<>();
        cells.forEach((cell, metrics) -> copy.put(cell, Collections.unmodifiableMap(new LinkedHashMap<>(metrics))));
        cells = Collections.unmodifiableMap(copy);
        expectations = List.copyOf(expectations);
        ope = Collections.unmodifiableMap(new LinkedHashMap<>(ope));
    }

    public String toJson() {
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("scenario", scenario);
        summary.put("complete", complete);
        summary.put("seed", seed);
        summary.put("replicates", replicates);
        summary.put("confidence", confidence);
        summary.put("visits", visits);
        ObjectNode cellsNode = summary.putObject("cells");
        cells.forEach((cell, metrics) -> {
            ObjectNode metricsNode = cellsNode.putObject(cell);
            metrics.forEach((name, m) -> {
                ObjectNode node = metricsNode.putObject(name);
                Json.number(node, "mean", m.mean());
                Json.number(node, "lower", m.lower());
                Json.number(node, "upper", m.upper());
                node.put("n", m.n());
            });
        });
        ArrayNode expectationsNode = summary.putArray("expectations");
        for (ExpectationSummary e : expectations) {
            ObjectNode node = expectationsNode.addObject();
            node.put("expectation", e.expectation());
            node.put("passed", e.passed());
            node.put("test", e.test());
            Json.number(node, "estimate", e.estimate());
            Json.number(node, "lower", e.lower());
            Json.number(node, "upper", e.upper());
            Json.number(node, "level", e.level());
            Json.number(node, "p_value", e.pValue());
            node.put("detail", e.detail());
        }
        summary.put("expectations_hold", expectationsHold);
        if (!ope.isEmpty()) {
            ObjectNode opeNode = summary.putObject("ope");
            ope.forEach((target, t) -> {
                ObjectNode node = opeNode.putObject(target);
                node.put("trusted", t.trusted());
                ObjectNode estimators = node.putObject("estimators");
                t.estimators().forEach((name, row) -> {
                    ObjectNode e = estimators.putObject(name);
                    Json.number(e, "mean_estimate", row.meanEstimate());
                    Json.number(e, "mean_truth", row.meanTruth());
                    Json.number(e, "bias", row.bias());
                    Json.number(e, "rmse", row.rmse());
                    Json.number(e, "coverage", row.coverage());
                    e.put("replicates", row.replicates());
                });
            });
        }
        return Json.write(summary);
    }

    /** Whether a run directory's summary is a sweep's ({@link SweepSummary}) rather than a run's. */
    public static boolean isSweep(Path run) throws IOException {
        return Json.read(run.resolve(FILE)).has("points");
    }

    public static RunSummary read(Path run) throws IOException {
        JsonNode node = Json.read(run.resolve(FILE));
        Map<String, Map<String, MetricSummary>> cells = new LinkedHashMap<>();
        node.path("cells").fields().forEachRemaining(cell -> {
            Map<String, MetricSummary> metrics = new LinkedHashMap<>();
            cell.getValue().fields().forEachRemaining(m -> metrics.put(m.getKey(), new MetricSummary(
                    Json.number(m.getValue().path("mean")), Json.number(m.getValue().path("lower")),
                    Json.number(m.getValue().path("upper")), m.getValue().path("n").asInt())));
            cells.put(cell.getKey(), metrics);
        });
        List<ExpectationSummary> expectations = new ArrayList<>();
        for (JsonNode e : node.path("expectations")) {
            JsonNode estimate = e.has("estimate") ? e.path("estimate") : e.path("mean_difference"); // as stored before tests were named
            expectations.add(new ExpectationSummary(e.path("expectation").asText(), e.path("passed").asBoolean(),
                    e.path("test").asText(""), Json.number(estimate), Json.number(e.path("lower")), Json.number(e.path("upper")),
                    e.has("level") ? Json.number(e.path("level")) : node.path("confidence").asDouble(Double.NaN),
                    Json.number(e.path("p_value")), e.path("detail").asText()));
        }
        Map<String, OpeTarget> ope = new LinkedHashMap<>();
        node.path("ope").fields().forEachRemaining(target -> {
            Map<String, OpeEstimator> estimators = new LinkedHashMap<>();
            target.getValue().path("estimators").fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                estimators.put(e.getKey(), new OpeEstimator(Json.number(v.path("mean_estimate")),
                        Json.number(v.path("mean_truth")), Json.number(v.path("bias")), Json.number(v.path("rmse")),
                        Json.number(v.path("coverage")), v.path("replicates").asInt()));
            });
            ope.put(target.getKey(), new OpeTarget(target.getValue().path("trusted").asText(), estimators));
        });
        return new RunSummary(node.path("scenario").asText(""), node.path("complete").asBoolean(),
                node.path("seed").asLong(), node.path("replicates").asInt(), node.path("confidence").asDouble(0.95),
                node.path("visits").asLong(), cells, expectations, node.path("expectations_hold").asBoolean(), ope);
    }
}

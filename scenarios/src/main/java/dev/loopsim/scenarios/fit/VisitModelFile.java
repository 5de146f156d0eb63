package dev.loopsim.scenarios.fit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.users.fit.Estimate;
import dev.loopsim.users.fit.FitReport;
import dev.loopsim.users.fit.Holdout;
import dev.loopsim.users.fit.TimeRescaling;
import dev.loopsim.users.fit.VisitModelFit;

/**
 * Writes a fit as YAML: a {@code visit_model:} block (the {@code world.visits}, {@code world.population}
 * and, where fitted, {@code world.churn} settings a scenario takes with {@code world.visit_model: FILE}),
 * and a {@code fit:} block with estimates, standard errors and goodness of fit, which scenarios
 * ignore.
 */
public final class VisitModelFile {
    /** Amplitudes must stay below 1; rounding must not carry one there. */
    private static final double MAX_AMPLITUDE = 0.99999;

    private VisitModelFile() { }

    /**
     * @param header comment lines (without '#') saying where the fit came from
     */
    public static String yaml(FitReport report, java.util.List<String> header) {
        var mapper = ScenarioLoader.mapper();
        ObjectNode root = mapper.createObjectNode();
        VisitModelFit fit = report.fit();
        ObjectNode block = root.putObject("visit_model");
        ObjectNode visits = block.putObject("visits");
        fit.visitsBlock().forEach((key, value) -> {
            if (value instanceof Double number) {
                visits.put(key, key.endsWith("_peak_hour") ? phase(number, 24) : key.endsWith("_peak_day") ? phase(number, 7)
                        : key.endsWith("_amplitude") ? Math.min(round(number), MAX_AMPLITUDE) : round(number));
            } else if (value instanceof java.util.Map<?, ?> perKey) { // excitation_by_genre
                ObjectNode nested = visits.putObject(key);
                perKey.forEach((k, v) -> nested.put(k.toString(), round((Double) v)));
            } else {
                visits.putPOJO(key, value);
            }
        });
        if (fit.churnBlock() != null) {
            ObjectNode churn = block.putObject("churn");
            fit.churnBlock().forEach((key, value) -> {
                if (value instanceof Double number) {
                    churn.put(key, round(number));
                } else {
                    churn.putPOJO(key, value);
                }
            });
        }
        ObjectNode population = block.putObject("population");
        population.put("visits_per_week_median", round(fit.value("visits_per_week_median")));
        population.put("visit_rate_sd_log", round(fit.value("visit_rate_sd_log")));

        ObjectNode about = root.putObject("fit");
        about.put("source", report.log().source());
        about.put("form", fit.options().form().type());
        about.put("day_zero", report.log().origin().toString());
        about.put("events", report.log().events());
        about.put("members", fit.members());
        about.put("visits", fit.visits());
        about.put("log_likelihood", round(fit.logLikelihood()));
        ObjectNode estimates = about.putObject("estimates");
        for (Estimate e : fit.estimates()) {
            ObjectNode one = estimates.putObject(e.name());
            one.put("value", round(e.value()));
            if (e.hasStandardError()) {
                one.put("standard_error", round(e.standardError()));
            } else {
                one.put("status", e.status().label());
            }
        }
        about.set("time_rescaling", rescaling(mapper.createObjectNode(), report.rescaling()));
        ObjectNode baseline = about.putObject("poisson_baseline");
        baseline.put("log_likelihood", round(report.baseline().logLikelihood()));
        baseline.put("visits_per_week_median", round(report.baseline().value("visits_per_week_median")));
        baseline.put("visit_rate_sd_log", round(report.baseline().value("visit_rate_sd_log")));
        baseline.set("time_rescaling", rescaling(mapper.createObjectNode(), report.baselineRescaling()));
        if (report.holdout() != null) {
            ObjectNode holdout = about.putObject("holdout");
            holdout.put("split_day", round(report.holdout().splitDay()));
            holdout.put("members", report.holdout().members());
            holdout.put("new_members_left_out", report.holdout().newMembers());
            holdout.put("held_out_visits", report.holdout().heldOutVisits());
            holdout.set("model", holdout(mapper.createObjectNode(), report.holdout()));
            holdout.set("poisson_baseline", holdout(mapper.createObjectNode(), report.baselineHoldout()));
        }
        return commented(root, header);
    }

    /** A fit's YAML under its header's comment lines: how both fit files begin. */
    static String commented(ObjectNode root, java.util.List<String> header) {
        StringBuilder text = new StringBuilder();
        for (String line : header) {
            text.append("# ").append(line).append('\n');
        }
        try {
            return text.append(ScenarioLoader.mapper().writeValueAsString(root)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fit could not be written as YAML", e);
        }
    }

    private static ObjectNode rescaling(ObjectNode node, TimeRescaling r) {
        node.put("method", "predictive: each gap rescaled by its survival given the member's earlier visits only, "
                + "and given that it ended before the log did");
        node.put("gaps", r.gaps().length);
        node.put("ks_statistic", round(r.ksStatistic()));
        node.put("ks_critical_5pct", round(r.criticalValue()));
        node.put("ks_p_value", round(r.ksPValue()));
        return node;
    }

    private static ObjectNode holdout(ObjectNode node, Holdout h) {
        node.put("log_likelihood", round(h.logLikelihood()));
        node.put("log_likelihood_per_visit", round(h.logLikelihood() / Math.max(1, h.heldOutVisits())));
        node.put("predicted_visits", round(h.predictedTotal()));
        node.put("count_mae", round(h.countMae()));
        node.put("count_rmse", round(h.countRmse()));
        return node;
    }

    /** A rounded phase, wrapped so that rounding up to the period gives 0. */
    private static double phase(double value, double period) {
        double rounded = round(value);
        return rounded >= period ? 0 : rounded;
    }

    /** Six significant digits: enough to reproduce a run, short enough to read. */
    static double round(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return value;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).doubleValue();
    }
}

package dev.loopsim.scenarios.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.users.fit.ClickLog;
import dev.loopsim.users.fit.ClickModel;
import dev.loopsim.users.fit.ClickReport;
import java.util.List;

/**
 * Writes a click-model fit as YAML: a {@code response_model:} block that a scenario takes with
 * {@code world: {response_model: FILE}} (a position-based click response, the log's items and
 * contexts as a fitted world, its page shape, and visits and churn that the clicks do not move),
 * and a {@code fit:} block with estimates, standard errors, held-out figures and calibration,
 * which scenarios ignore.
 */
public final class ResponseModelFile {
    private ResponseModelFile() { }

    /**
     * The examination written for a scenario, θ_k / max θ (a probability), with the attractions
     * scaled up by max θ so that every product θ_k·a is the fitted one.
     */
    public static double[] examination(ClickModel model) {
        double[] theta = new double[model.slots()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = model.examination(k) / model.largestExamination();
        }
        return theta;
    }

    /** The attraction logit of an item in a context, after examination is scaled to a largest value of 1. */
    public static double attractionLogit(ClickModel model, int item, int context) {
        double a = model.attraction(item, context) * model.largestExamination();
        if (!(a < 1)) {
            throw new IllegalStateException("item " + item + " in context " + context + " would be clicked with probability " + a
                    + " where it is examined most: not a click model's");
        }
        return Math.log(a / (1 - a));
    }

    /**
     * @param header comment lines (without '#') saying where the fit came from
     * @param rows   the page's rows (the slots fill them in reading order)
     */
    public static String yaml(ClickReport report, int rows, List<String> header) {
        return yaml(report, null, rows, header);
    }

    /**
     * @param watching the fitted watching of the log's plays, or null (the simulator's default watching)
     */
    public static String yaml(ClickReport report, dev.loopsim.users.fit.WatchFit watching, int rows, List<String> header) {
        var mapper = ScenarioLoader.mapper();
        ObjectNode root = mapper.createObjectNode();
        ClickModel model = report.model();
        ClickLog log = report.log();
        ObjectNode block = root.putObject("response_model");
        ObjectNode response = block.putObject("response");
        response.put("type", "position-based-click");
        ArrayNode examination = response.putArray("examination");
        for (double theta : examination(model)) {
            examination.add(round(theta));
        }
        response.put("quality_weight", 0.0);
        response.put("genre_weight", 0.0);
        response.put("latent_weight", 1.0);
        response.put("no_play_utility", 0.0);
        response.put("temperature", 1.0);
        response.put("artwork_weight", 0.0);
        response.put("clickbait_weight", 0.0);
        response.put("disappointment_weight", 0.0);
        if (watching != null) {
            response.put("watch_offset", round(watching.offset()));
            response.put("watch_concentration", round(watching.concentration()));
        }
        ObjectNode page = block.putObject("page");
        page.put("rows", rows);
        page.put("columns", (log.slots() + rows - 1) / rows);
        // Clicks in a log say nothing of when members come back: a visit's outcome moves neither visits nor tastes.
        block.putObject("visits").put("type", "self-exciting").put("excitation", 0.0);
        block.putObject("churn").put("min_visits_per_week", 0.0);
        block.putObject("dynamics").put("boredom_weight", 0.0).put("drift_sd_per_sqrt_day", 0.0);
        ObjectNode fitted = block.putObject("fitted");
        ArrayNode items = fitted.putArray("items");
        ArrayNode logits = fitted.putArray("attraction_logits");
        for (int i = 0; i < log.items().size(); i++) {
            items.add(log.items().get(i));
            ArrayNode row = logits.addArray();
            for (int c = 0; c < log.contexts().size(); c++) {
                row.add(round(attractionLogit(model, i, c)));
            }
        }
        ArrayNode contexts = fitted.putArray("contexts");
        ArrayNode shares = fitted.putArray("context_shares");
        double[] share = log.contextShares();
        double written = 0;
        for (int c = 0; c < share.length; c++) {
            contexts.add(log.contexts().get(c));
            // Rounded shares must still sum to 1: the last takes what the others leave.
            double s = c == share.length - 1 ? Math.max(0, 1 - written) : round(share[c]);
            shares.add(s);
            written += s;
        }

        ObjectNode about = root.putObject("fit");
        about.put("source", log.source());
        about.put("model", "Pr(click | item i in slot k, context c) = θ_k · σ(μ + b_i + c_c), θ_1 = 1");
        about.put("impressions", log.rows());
        about.put("clicks", log.clicks());
        about.put("weighting", log.inversePropensityWeighted() ? "inverse propensity, normalised to mean 1"
                : log.uniformLogging() ? "none (uniform logging)" : "none (--weighting none)");
        about.put("prior_sd", model.priorSd());
        about.put("prior_sd_chosen_by", "5-fold cross-validated log-likelihood");
        about.put("items_told_apart", !dev.loopsim.users.fit.ClickModelFitter.narrowestPrior(model));
        about.put("log_likelihood", round(report.logLikelihood()));
        ObjectNode estimates = about.putObject("estimates");
        for (var e : estimates(report)) {
            estimates.putObject(e.name()).put("value", round(e.value())).put("standard_error", round(e.standardError()));
        }
        if (watching != null) {
            ObjectNode watch = about.putObject("watching");
            watch.put("model", "watch fraction ~ Beta(m·κ, (1 − m)·κ), m = σ(watch_offset + attraction logit)");
            watch.put("plays", watching.plays());
            watch.put("mean_watch_fraction", round(watching.meanWatch()));
            watch.putObject("watch_offset").put("value", round(watching.offset())).put("standard_error", round(watching.offsetSe()));
            watch.putObject("watch_concentration").put("value", round(watching.concentration()))
                    .put("standard_error", round(watching.concentrationSe()));
        }
        if (report.heldOut() != null) {
            var h = report.heldOut();
            ObjectNode held = about.putObject("held_out");
            held.put("share", h.share());
            held.put("impressions", h.impressions());
            held.put("clicks", h.clicks());
            held.putObject("log_likelihood_per_impression").put("model", round(h.logLikelihood()))
                    .put("per_slot_baseline", round(h.baselineLogLikelihood()));
            held.set("calibration_by_slot", groups(mapper, h.bySlot()));
            held.set("calibration_by_decile", groups(mapper, h.byDecile()));
        }
        return VisitModelFile.commented(root, header);
    }

    /** A named estimate of the click model with its standard error. */
    public record Named(String name, double value, double standardError) { }

    /** The parameters under the names the file and the printout give them. */
    public static List<Named> estimates(ClickReport report) {
        ClickModel model = report.model();
        ClickLog log = report.log();
        List<Named> named = new java.util.ArrayList<>();
        named.add(new Named("intercept", model.parameters()[0], model.standardError(0)));
        for (int k = 1; k < model.slots(); k++) {
            named.add(new Named("log_examination_slot_" + (k + 1), model.parameters()[k], model.standardError(k)));
        }
        for (int i = 0; i < model.items(); i++) {
            int p = model.slots() + i;
            named.add(new Named("item_" + log.items().get(i), model.parameters()[p], model.standardError(p)));
        }
        for (int c = 0; c < model.contexts(); c++) {
            int p = model.slots() + model.items() + c;
            named.add(new Named("context_" + log.contexts().get(c), model.parameters()[p], model.standardError(p)));
        }
        return named;
    }

    private static ArrayNode groups(com.fasterxml.jackson.databind.ObjectMapper mapper, List<ClickReport.Group> groups) {
        ArrayNode array = mapper.createArrayNode();
        for (ClickReport.Group g : groups) {
            array.addObject().put("group", g.label()).put("impressions", g.impressions()).put("clicks", g.clicks())
                    .put("observed", round(g.observed())).put("predicted", round(g.predicted()))
                    .put("per_slot_baseline", round(g.baseline()));
        }
        return array;
    }

    static double round(double value) {
        return VisitModelFile.round(value);
    }
}

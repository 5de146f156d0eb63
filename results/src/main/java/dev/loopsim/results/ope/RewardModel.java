package dev.loopsim.results.ope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reward model q̂(x, a) fitted on logged rounds: each action's reward rate in each context,
 * shrunk toward the action's overall rate, which is shrunk toward the log's. Rates are
 * self-normalised inverse-propensity averages, so a non-uniform logging policy does not bias
 * them: q̂(a) = Σ r_i/p_i / Σ 1/p_i over the rounds that took a.
 */
public final class RewardModel {
    /** Pseudo-rounds of the prior in each shrinkage step. */
    static final double PRIOR_ROUNDS = 20;
    private final double[] actionRate;
    private final Map<String, double[]> contextRate;

    private RewardModel(double[] actionRate, Map<String, double[]> contextRate) {
        this.actionRate = actionRate;
        this.contextRate = contextRate;
    }

    public static RewardModel fit(List<BanditLog.Row> rows, int actions) {
        double overall = rows.stream().mapToDouble(BanditLog.Row::reward).average().orElse(0);
        double[] weighted = new double[actions];
        double[] weights = new double[actions];
        double[] counts = new double[actions];
        Map<String, double[][]> byContext = new HashMap<>(); // context -> {weighted reward, weight, count} per action
        for (BanditLog.Row row : rows) {
            double w = 1 / row.propensity();
            weighted[row.action()] += w * row.reward();
            weights[row.action()] += w;
            counts[row.action()]++;
            double[][] cell = byContext.computeIfAbsent(row.context(), key -> new double[3][actions]);
            cell[0][row.action()] += w * row.reward();
            cell[1][row.action()] += w;
            cell[2][row.action()]++;
        }
        double[] actionRate = new double[actions];
        for (int a = 0; a < actions; a++) {
            double mean = weights[a] > 0 ? weighted[a] / weights[a] : overall;
            actionRate[a] = (counts[a] * mean + PRIOR_ROUNDS * overall) / (counts[a] + PRIOR_ROUNDS);
        }
        Map<String, double[]> contextRate = new HashMap<>();
        byContext.forEach((context, cell) -> {
            double[] rate = new double[actions];
            for (int a = 0; a < actions; a++) {
                double mean = cell[1][a] > 0 ? cell[0][a] / cell[1][a] : actionRate[a];
                rate[a] = (cell[2][a] * mean + PRIOR_ROUNDS * actionRate[a]) / (cell[2][a] + PRIOR_ROUNDS);
            }
            contextRate.put(context, rate);
        });
        return new RewardModel(actionRate, contextRate);
    }

    /** q̂(x, ·) for the round's context (the actions' rates for a context not seen in fitting). */
    public double[] predict(BanditLog.Row row) {
        return contextRate.getOrDefault(row.context(), actionRate).clone();
    }

    /** q̂(·) ignoring context. */
    public double[] actionRates() {
        return actionRate.clone();
    }
}

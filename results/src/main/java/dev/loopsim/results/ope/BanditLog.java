package dev.loopsim.results.ope;

import java.util.List;

/**
 * A logged bandit feedback file, read for off-policy evaluation.
 *
 * @param source   where it was read from
 * @param actions  the number of actions (items)
 * @param rows     the rounds in log order
 */
public record BanditLog(String source, int actions, List<Row> rows) {

    /**
     * One logged round.
     *
     * @param action       the action taken
     * @param position     the slot it was shown in (1-based; 1 when the log has no positions)
     * @param reward       the reward observed
     * @param propensity   the logging policy's probability of that action (in that position)
     * @param context      a categorical context (the Open Bandit Dataset's user_feature_0)
     * @param affinity     the member's affinity to each action, logged with the round (may be empty)
     * @param time         when it was logged, in seconds since the epoch; NaN when the log has no times
     */
    public record Row(int action, int position, double reward, double propensity, String context, double[] affinity, double time) {
        public Row(int action, int position, double reward, double propensity, String context, double[] affinity) {
            this(action, position, reward, propensity, context, affinity, Double.NaN);
        }
    }

    /** Whether the logging policy took this action at least once: the support an unlogged action lies outside. */
    public boolean[] loggedActions() {
        boolean[] logged = new boolean[actions];
        for (Row row : rows) {
            logged[row.action()] = true;
        }
        return logged;
    }

    /**
     * The log at {@code path}: a loopsim run directory, its logs folder or impression file (one
     * cell and replicate of it), or else a file or folder in the Open Bandit Dataset's format.
     *
     * @param cell the loopsim cell to read; null when the log holds one cell
     */
    public static BanditLog read(java.nio.file.Path path, String cell, int replicate) {
        java.nio.file.Path loopsim = LoopsimLog.locate(path);
        return loopsim != null && LoopsimLog.isImpressions(loopsim) ? LoopsimLog.read(loopsim, cell, replicate)
                : OpenBanditDataset.read(OpenBanditDataset.locate(path));
    }

    public BanditLog {
        rows = List.copyOf(rows);
    }

    public double meanReward(List<Row> part) {
        return part.stream().mapToDouble(Row::reward).average().orElse(Double.NaN);
    }
}

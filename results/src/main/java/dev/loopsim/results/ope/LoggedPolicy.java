package dev.loopsim.results.ope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The policy that logged another file, rebuilt from its propensities, for a context-free policy
 * whose action probabilities change only with time (such as the Open Bandit Dataset's Bernoulli
 * Thompson sampling, refitted every few minutes). The log states π_t(a | position) only for the
 * action it took, and only when it took it: an action is seen more often while its probability is
 * high, so the mean of its logged propensities overstates it. Their harmonic mean does not: times
 * sampled in proportion to π_t give E[1/π] = T / ∫π dt, so the harmonic mean of an action's
 * propensities logged within a window is its mean probability over the window, exactly so when
 * the probability is steady. An action with no propensity in the window takes the window widened
 * until it has one; such rare actions share what the others leave, in proportion to their
 * estimates. The probabilities at a time are those of the half hour it falls in.
 */
public final class LoggedPolicy {
    /**
     * Half the width of the window around each half hour, in seconds. Checked on OBD's BTS log
     * evaluated against itself, where perfect weights are all 1: with an hour, their effective
     * sample size is 9,596 of 10,000 and their mean 0.97; with 3 hours, 8,359 and 0.87.
     */
    static final double HALF_WINDOW = 3600;
    static final double STEP = 1800;

    private final String source;
    /** Per position: the first hour's time and, per hour, π(· | position). */
    private final TreeMap<Integer, Grid> byPosition = new TreeMap<>();

    private record Grid(double start, double[][] probabilities) { }

    private LoggedPolicy(String source) {
        this.source = source;
    }

    public static LoggedPolicy of(BanditLog log, int actions) {
        if (log.actions() > actions) {
            throw new IllegalArgumentException(log.source() + " has " + log.actions() + " actions, the evaluated log " + actions);
        }
        LoggedPolicy policy = new LoggedPolicy(log.source());
        TreeMap<Integer, List<BanditLog.Row>> rowsByPosition = new TreeMap<>();
        for (BanditLog.Row row : log.rows()) {
            rowsByPosition.computeIfAbsent(row.position(), p -> new ArrayList<>()).add(row);
        }
        rowsByPosition.forEach((position, rows) -> policy.byPosition.put(position, grid(rows, actions)));
        return policy;
    }

    private static Grid grid(List<BanditLog.Row> rows, int actions) {
        // Per action, its logged times and propensities in time order (no times: all at 0, one window).
        double[][] times = new double[actions][];
        double[][] propensities = new double[actions][];
        for (int a = 0; a < actions; a++) {
            int action = a;
            double[][] points = rows.stream().filter(r -> r.action() == action)
                    .map(r -> new double[] {Double.isNaN(r.time()) ? 0 : r.time(), r.propensity()})
                    .sorted((x, y) -> Double.compare(x[0], y[0])).toArray(double[][]::new);
            times[a] = Arrays.stream(points).mapToDouble(p -> p[0]).toArray();
            propensities[a] = Arrays.stream(points).mapToDouble(p -> p[1]).toArray();
        }
        double first = rows.stream().mapToDouble(r -> Double.isNaN(r.time()) ? 0 : r.time()).min().orElse(0);
        double last = rows.stream().mapToDouble(r -> Double.isNaN(r.time()) ? 0 : r.time()).max().orElse(0);
        int hours = (int) Math.floor((last - first) / STEP) + 1;
        double[][] probabilities = new double[hours][actions];
        for (int h = 0; h < hours; h++) {
            double centre = first + (h + 0.5) * STEP;
            // Actions logged within the window keep their estimate; those that were not (rare ones, whose wider
            // windows overstate them) share what is left, in proportion to theirs.
            double seen = 0;
            double unseen = 0;
            boolean[] inWindow = new boolean[actions];
            for (int a = 0; a < actions; a++) {
                inWindow[a] = lowerIndex(times[a], centre + HALF_WINDOW + 1e-9) > lowerIndex(times[a], centre - HALF_WINDOW);
                probabilities[h][a] = harmonicMeanNear(times[a], propensities[a], centre);
                if (inWindow[a]) {
                    seen += probabilities[h][a];
                } else {
                    unseen += probabilities[h][a];
                }
            }
            double seenScale = seen > 1 || unseen == 0 ? 1 / (seen + unseen) : 1;
            double unseenScale = seen > 1 || unseen == 0 ? seenScale : (1 - seen) / unseen;
            for (int a = 0; a < actions; a++) {
                probabilities[h][a] *= inWindow[a] ? seenScale : unseenScale;
            }
        }
        return new Grid(first, probabilities);
    }

    /** The harmonic mean of the propensities within the window around a time, widened until it holds one; 0 for none at all. */
    private static double harmonicMeanNear(double[] times, double[] propensities, double centre) {
        if (times.length == 0) {
            return 0;
        }
        for (double half = HALF_WINDOW; ; half *= 2) {
            int from = lowerIndex(times, centre - half);
            int to = lowerIndex(times, centre + half + 1e-9);
            if (to > from) {
                double inverses = 0;
                for (int i = from; i < to; i++) {
                    inverses += 1 / propensities[i];
                }
                return (to - from) / inverses;
            }
        }
    }

    /** The first index whose time is ≥ t. */
    private static int lowerIndex(double[] times, double t) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] < t) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** π(· | the row's position, at its time). */
    public double[] probabilities(BanditLog.Row row) {
        Grid grid = byPosition.get(row.position());
        if (grid == null) {
            throw new IllegalArgumentException(source + " never logged position " + row.position());
        }
        double time = Double.isNaN(row.time()) ? grid.start() : row.time();
        int hour = (int) Math.floor((time - grid.start()) / STEP);
        return grid.probabilities()[Math.max(0, Math.min(grid.probabilities().length - 1, hour))].clone();
    }
}

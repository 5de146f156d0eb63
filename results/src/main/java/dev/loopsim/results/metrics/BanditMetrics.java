package dev.loopsim.results.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The metrics of a classic bandit world (scenario key {@code bandit}), reported per cell and replicate. */
public final class BanditMetrics {
    public static final String REGRET = "regret";
    public static final String REGRET_GROWTH = "regret_growth";
    public static final String OPTIMAL_ARM_SHARE = "optimal_arm_share";
    public static final String FOUND_BEST_ARM = "found_best_arm";
    public static final String REGRET_AT_PREFIX = "regret_at_";

    private BanditMetrics() { }

    /** The definitions, with a regret_at_N for each horizon. */
    public static List<MetricDefinition> definitions(long[] checkpoints) {
        List<MetricDefinition> all = new ArrayList<>(List.of(
                new MetricDefinition(REGRET, "Expected cumulative regret after all steps: sum over steps of the best "
                        + "arm's true mean minus the pulled arm's (for that step's context and, in a world whose means change, "
                        + "that step's means), from the true means, not the sampled rewards.", false),
                new MetricDefinition(REGRET_GROWTH, "Regret after all steps T over regret after T/10: about 1 for "
                        + "logarithmic regret, 10 for linear.", false),
                new MetricDefinition(OPTIMAL_ARM_SHARE, "Share of all steps that pulled a best arm.", true),
                new MetricDefinition(FOUND_BEST_ARM, "1 if the arm pulled most over the last tenth of the steps is a best arm "
                        + "of the final means, else 0 (a share of replicates, tested exactly); n/a in a linear world, where "
                        + "the best arm depends on the context.", true)));
        for (long n : checkpoints) {
            all.add(regretAt(n));
        }
        return all;
    }

    public static MetricDefinition regretAt(long steps) {
        return regretAt(Long.toString(steps));
    }

    private static MetricDefinition regretAt(String steps) {
        return new MetricDefinition(REGRET_AT_PREFIX + steps, "Expected cumulative regret after " + steps + " steps.", false);
    }

    /** The definitions as documented: one regret_at_&lt;n&gt; entry for every checkpoint. */
    public static List<MetricDefinition> documented() {
        List<MetricDefinition> all = new ArrayList<>(definitions(new long[0]));
        all.add(new MetricDefinition(REGRET_AT_PREFIX + "<n>", "Expected cumulative regret after n steps, at log-spaced "
                + "horizons 10, 20, 50, 100, … and at steps/10.", false));
        return all;
    }

    public static Optional<MetricDefinition> find(String name, long[] checkpoints) {
        return definitions(checkpoints).stream().filter(d -> d.name().equals(name)).findFirst();
    }
}

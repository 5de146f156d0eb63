package dev.loopsim.results.metrics;

import dev.loopsim.core.world.MemberState;
import java.util.List;

/**
 * What is known when a run reaches its horizon, beyond the tallies.
 *
 * @param members the run's members in id order (an A/B test's cell: a subset of the world's)
 * @param daily   the run's daily counts, one row per day
 */
public record RunEnd(RunShape run, List<MemberState> members, List<DailyRow> daily) {

    public double horizonDays() {
        return run.horizonDays();
    }

    /** Members who joined before the horizon. */
    public long present() {
        return members.stream().filter(m -> m.profile().joinDay() < run.horizonDays()).count();
    }
}

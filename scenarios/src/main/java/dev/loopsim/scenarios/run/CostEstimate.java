package dev.loopsim.scenarios.run;

import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run will cost, roughly, before it starts: visits (or pulls) and memory, so that a
 * scenario which would run for days or exhaust the heap is refused with the estimate rather than
 * left to hang or die. The rates are measured ({@code loopsim bench}: 80,000 visits a second on
 * 2 cores for 100,000 members and 5,000 titles in a 350 MiB heap) and the estimate is of order
 * only: excitation, joins and churn move the visit count by tens of percent.
 *
 * @param visits    expected visits over every cell and replicate (pulls, in a bandit world)
 * @param unit      what they are: visits, or pulls
 * @param perSecond how many of them 2 cores simulate a second, as measured
 * @param bytes     memory one cell's run holds at once
 */
public record CostEstimate(double visits, String unit, double perSecond, double bytes) {
    /** Beyond this many visits a run is refused without --force: about three hours at the measured rate. */
    public static final double MOST_VISITS = 1e9;
    static final double VISITS_PER_SECOND = 80_000;
    static final double PULLS_PER_SECOND = 2_000_000;
    static final double BYTES_PER_MEMBER = 3_000;
    static final double BYTES_PER_TITLE = 2_000;
    static final double BASE_BYTES = 64 * 1024 * 1024;

    public static CostEstimate of(ScenarioSpec spec) {
        int cells = spec.cells().size();
        if (spec.bandit() != null) {
            return new CostEstimate((double) cells * spec.replicates() * spec.bandit().steps(), "pulls", PULLS_PER_SECOND, BASE_BYTES);
        }
        var population = spec.world().population();
        double sd = population.visitRateSdLog();
        double perWeek = population.visitsPerWeekMedian() * Math.exp(sd * sd / 2); // the log-normal's mean
        double visits = (double) cells * spec.replicates() * population.members() * perWeek * spec.horizonDays() / 7;
        double bytes = BASE_BYTES + BYTES_PER_MEMBER * population.members() + BYTES_PER_TITLE * spec.world().catalog().titles();
        return new CostEstimate(visits, "visits", VISITS_PER_SECOND, bytes);
    }

    /** Why this run should not start as it is: too long, or more memory than the JVM may use; empty when neither. */
    public List<String> problems(long maxHeapBytes) {
        List<String> problems = new ArrayList<>();
        if (visits > MOST_VISITS) {
            problems.add(String.format(Locale.ROOT, "the run would simulate about %.2g %s (cells x replicates x members x "
                    + "visits a week x weeks), about %s at the measured %,.0f a second on 2 cores; make it smaller, or pass "
                    + "--force to run it anyway", visits, unit, duration(visits / perSecond), perSecond));
        }
        if (bytes > maxHeapBytes) {
            problems.add(String.format(Locale.ROOT, "the run needs about %s of memory (members x 3 KB + titles x 2 KB), "
                    + "more than the %s this JVM may use; give it more with LOOPSIM_JAVA_OPTS=-Xmx%dm, or pass --force",
                    size(bytes), size((double) maxHeapBytes), (long) Math.ceil(bytes * 1.5 / (1024 * 1024))));
        }
        return problems;
    }

    /** One line for validate: what the run will take. */
    public String describe() {
        return String.format(Locale.ROOT, "estimated cost: about %.2g %s (%s on 2 cores), about %s of memory", visits, unit,
                duration(visits / perSecond), size(bytes));
    }

    private static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, seconds));
        }
        if (seconds < 5400) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        if (seconds < 48 * 3600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.3g days", seconds / 86400);
    }

    private static String size(double bytes) {
        double mib = bytes / (1024 * 1024);
        return mib < 1024 ? String.format(Locale.ROOT, "%.0f MiB", mib) : String.format(Locale.ROOT, "%.1f GiB", mib / 1024);
    }
}

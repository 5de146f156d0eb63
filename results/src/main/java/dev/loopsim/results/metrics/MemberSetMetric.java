package dev.loopsim.results.metrics;

import dev.loopsim.core.world.MemberState;
import java.util.BitSet;

/**
 * The share of eligible members who did something at least once: visited in a window, say. The
 * tally is the set of member ids who did it; eligibility is decided at the horizon.
 */
public final class MemberSetMetric extends DefinedMetric<MemberSetMetric.Members> {
    /** Whether a visit marks its member, given the run. */
    public interface Marks {
        boolean test(VisitEvent visit);
    }

    /** Whether a member counts, given what is known at the horizon. */
    public interface Eligible {
        boolean test(MemberState member, RunEnd end);
    }

    private final Marks marks;
    private final Eligible eligible;

    public MemberSetMetric(String name, String definition, Marks marks, Eligible eligible) {
        super(name, definition, true);
        this.marks = marks;
        this.eligible = eligible;
    }

    public static final class Members implements Tally<Members> {
        private final MemberSetMetric metric;
        final BitSet marked = new BitSet();

        Members(MemberSetMetric metric) {
            this.metric = metric;
        }

        @Override
        public void visit(VisitEvent visit) {
            if (metric.marks.test(visit)) {
                marked.set(visit.member().id());
            }
        }

        @Override
        public void combine(Members other) {
            marked.or(other.marked);
        }
    }

    @Override
    public Members newTally(RunShape run) {
        return new Members(this);
    }

    /** Marked eligible members / eligible members. The members may be a subset (an A/B cell): found by id. */
    @Override
    public double value(Members tally, RunEnd end) {
        long among = 0;
        long marked = 0;
        for (MemberState m : end.members()) {
            if (eligible.test(m, end)) {
                among++;
                marked += tally.marked.get(m.id()) ? 1 : 0;
            }
        }
        return among == 0 ? Double.NaN : (double) marked / among;
    }
}

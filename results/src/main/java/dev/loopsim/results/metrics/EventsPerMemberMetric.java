package dev.loopsim.results.metrics;

import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.MemberState;
import java.util.function.ToDoubleFunction;

/** Events counted over the visits (and delayed rewards) of a run, divided by a measure of its members. */
public final class EventsPerMemberMetric extends DefinedMetric<EventsPerMemberMetric.Count> {
    private final ToDoubleFunction<VisitEvent> perVisit;
    private final double perReward;
    private final ToDoubleFunction<RunEnd> members;

    /**
     * @param perVisit  what a visit adds to the count
     * @param perReward what a delayed reward adds to it
     * @param members   the divisor, from the run's members at the horizon
     */
    public EventsPerMemberMetric(String name, String definition, ToDoubleFunction<VisitEvent> perVisit, double perReward,
                                 ToDoubleFunction<RunEnd> members) {
        super(name, definition, true);
        this.perVisit = perVisit;
        this.perReward = perReward;
        this.members = members;
    }

    public static final class Count implements Tally<Count> {
        private final EventsPerMemberMetric metric;
        double count;

        Count(EventsPerMemberMetric metric) {
            this.metric = metric;
        }

        @Override
        public void visit(VisitEvent visit) {
            count += metric.perVisit.applyAsDouble(visit);
        }

        @Override
        public void reward(MemberState member, RewardFeedback reward) {
            count += metric.perReward;
        }

        @Override
        public void combine(Count other) {
            count += other.count;
        }
    }

    @Override
    public Count newTally(RunShape run) {
        return new Count(this);
    }

    @Override
    public double value(Count tally, RunEnd end) {
        double divisor = members.applyAsDouble(end);
        return divisor == 0 ? Double.NaN : tally.count / divisor;
    }
}

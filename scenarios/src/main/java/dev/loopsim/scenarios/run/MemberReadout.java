package dev.loopsim.scenarios.run;

import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * What an analyst reads from one A/B test: each member's plays and visits before each readout
 * day, so that a cell's lift in plays (or visits) per member has an interval from the spread
 * between members, as in a real test, rather than from repeating the test. Members are
 * independent draws, so the difference of two cells' means is normal for large cells (Welch),
 * and the lift's interval comes by the delta method.
 */
final class MemberReadout implements RunObserver {
    private static final double Z_95 = new NormalDistribution().inverseCumulativeProbability(0.975);
    private final int[] days;
    /** [readout][member]: visits and plays before the readout day. */
    private final long[][] visits;
    private final long[][] plays;

    MemberReadout(List<Integer> days, int members) {
        this.days = days.stream().mapToInt(Integer::intValue).toArray();
        this.visits = new long[this.days.length][members];
        this.plays = new long[this.days.length][members];
    }

    /** One cell's lift over the control in a per-member metric, with its 95% interval and two-sided p. */
    record Lift(double lift, double lower, double upper, double pValue) { }

    @Override
    public ShardObserver shard(int index) {
        return new ShardObserver() { // members of different shards are distinct, so the arrays are written without locks
            @Override
            public void visit(MemberState member, double day, Page page, VisitResponse response, double oracle) {
                count(member.id(), day, response.played());
            }

            @Override
            public void search(MemberState member, double day, SearchResponse response) {
                count(member.id(), day, response.played());
            }
        };
    }

    private void count(int member, double day, boolean played) {
        for (int k = 0; k < days.length; k++) {
            if (day < days[k]) {
                visits[k][member]++;
                plays[k][member] += played ? 1 : 0;
            }
        }
    }

    /**
     * @param metric       {@code plays_per_member} or {@code visits_per_member}
     * @param readout      the index of the readout day
     * @param cellOf       each member's cell
     */
    Lift lift(String metric, int readout, List<MemberProfile> members, int[] cellOf, int cell, int control) {
        long[] counts = metric.equals("plays_per_member") ? plays[readout] : visits[readout];
        double[] treated = moments(counts, members, cellOf, cell, days[readout]);
        double[] base = moments(counts, members, cellOf, control, days[readout]);
        double mt = treated[0];
        double mc = base[0];
        double vt = treated[1] / treated[2];
        double vc = base[1] / base[2];
        double lift = mt / mc - 1;
        double se = Math.sqrt(vt / (mc * mc) + mt * mt * vc / (mc * mc * mc * mc));
        double z = (mt - mc) / Math.sqrt(vt + vc);
        double p = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
        return new Lift(lift, lift - Z_95 * se, lift + Z_95 * se, p);
    }

    /** Mean, variance and count of the cell's members present before the day. */
    private static double[] moments(long[] counts, List<MemberProfile> members, int[] cellOf, int cell, int day) {
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (MemberProfile m : members) {
            if (cellOf[m.id()] == cell && m.joinDay() < day) {
                sum += counts[m.id()];
                squares += (double) counts[m.id()] * counts[m.id()];
                n++;
            }
        }
        double mean = sum / n;
        return new double[] {mean, n < 2 ? Double.NaN : (squares - n * mean * mean) / (n - 1), n};
    }
}

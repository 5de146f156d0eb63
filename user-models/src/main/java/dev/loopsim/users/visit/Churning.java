package dev.loopsim.users.visit;

import dev.loopsim.core.model.VisitModel;
import dev.loopsim.core.world.MemberState;

/**
 * Adds churn to a visit model: a member whose intensity stays below λ_min for a whole period
 * leaves at the end of that period.
 *
 * <p>Between two visits the intensity is a deterministic function of time, so it is checked on
 * an hourly grid over the gap before the member's next visit. Only gaps longer than the period
 * can hold such a run, so the usual short gap costs nothing.
 */
public final class Churning implements VisitModel {
    static final double GRID_DAYS = 1.0 / 24;
    private final VisitModel visits;
    private final double minPerDay;
    private final double periodDays;
    private final ChurnParameters churn;

    public Churning(VisitModel visits, ChurnParameters churn) {
        this.visits = visits;
        this.minPerDay = churn.minVisitsPerWeek() / 7; // the threshold rule's; the hazard rule returns before it
        this.periodDays = churn.afterDays();
        this.churn = churn;
    }

    @Override
    public double intensity(MemberState member, double day) {
        return visits.intensity(member, day);
    }

    @Override
    public double nextVisitDay(MemberState member, double fromDay, double untilDay) {
        return visits.nextVisitDay(member, fromDay, untilDay);
    }

    @Override
    public double firstVisitDay(MemberState member, double joinDay, double untilDay) {
        return visits.firstVisitDay(member, joinDay, untilDay);
    }

    @Override
    public double churnDay(MemberState member, double fromDay, double nextVisitDay, double untilDay) {
        double end = Math.min(nextVisitDay, untilDay);
        if (churn.type() == ChurnParameters.Rule.HAZARD) {
            return hazardChurnDay(member, fromDay, end);
        }
        if (minPerDay == 0 || end - fromDay < periodDays) {
            return Double.POSITIVE_INFINITY;
        }
        double runStart = Double.NaN;
        long steps = (long) Math.ceil((end - fromDay) / GRID_DAYS);
        for (long k = 0; k <= steps; k++) {
            double t = Math.min(fromDay + k * GRID_DAYS, end);
            if (visits.intensity(member, t) < minPerDay) {
                if (Double.isNaN(runStart)) {
                    runStart = t;
                }
                if (t - runStart >= periodDays) {
                    return runStart + periodDays;
                }
            } else {
                runStart = Double.NaN;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The hazard per day while the member's recent visits stay as they are (until their next visit). */
    double hazardPerDay(MemberState member) {
        double sum = 0;
        int n = member.recentCount();
        for (int k = 0; k < n; k++) {
            sum += member.recentSatisfaction(k);
        }
        double mean = n == 0 ? 0 : sum / n;
        return churn.ratePerWeek() / 7 * Math.exp(-churn.satisfactionWeight() * mean);
    }

    /**
     * A constant hazard over the gap, so the time to leaving is exponential: one draw from the
     * member's visit stream per gap, and none at all when the rate is 0 (churn off).
     */
    private double hazardChurnDay(MemberState member, double fromDay, double end) {
        double rate = hazardPerDay(member);
        if (!(rate > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double day = fromDay - Math.log1p(-member.visitStream().nextDouble()) / rate;
        return day < end ? day : Double.POSITIVE_INFINITY;
    }

    @Override
    public int historyCapacity() {
        return visits.historyCapacity();
    }
}

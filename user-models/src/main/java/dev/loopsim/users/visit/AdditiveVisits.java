package dev.loopsim.users.visit;

import dev.loopsim.core.model.VisitModel;
import dev.loopsim.core.world.MemberState;

/**
 * Accordion's additive visit process (see {@link AdditiveParameters}), sampled by thinning.
 * Bound: the time term at its seasonal maximum, plus the state term, plus the jump terms at
 * the current time (they only decay until the next visit).
 */
public final class AdditiveVisits implements VisitModel {
    private final AdditiveParameters parameters;
    private final Seasonality seasonality;

    public AdditiveVisits(AdditiveParameters parameters) {
        this.parameters = parameters;
        this.seasonality = parameters.seasonality();
    }

    @Override
    public double intensity(MemberState member, double day) {
        return parameters.timeRatePerDay() * seasonality.at(day) + stateRate(member) + jumps(member, day);
    }

    private double stateRate(MemberState member) {
        return parameters.stateWeight() * member.profile().baseRatePerDay();
    }

    /** Σ exp(a)·exp(−exp(b)(t − t_k)) over the remembered visits that had a play (satisfaction > 0). */
    private double jumps(MemberState member, double day) {
        double sum = 0;
        int counted = 0;
        for (int k = 0; k < member.recentCount() && counted < parameters.window(); k++) {
            if (member.recentSatisfaction(k) > 0) {
                sum += parameters.jumpPerDay() * Math.exp(-(day - member.recentVisitDay(k)) / parameters.jumpDecayDays());
                counted++;
            }
        }
        return sum;
    }

    /** An upper bound of λ_u(t) for every t ≥ day until the member's next visit. */
    public double bound(MemberState member, double day) {
        return parameters.timeRatePerDay() * seasonality.maximum() + stateRate(member) + jumps(member, day);
    }

    @Override
    public double nextVisitDay(MemberState member, double fromDay, double untilDay) {
        return Thinning.next(this::intensity, this::bound, member, fromDay, untilDay);
    }

    @Override
    public double firstVisitDay(MemberState member, double joinDay, double untilDay) {
        return JoinVisit.firstVisitDay(parameters.visitAtJoin(), this, member, joinDay, untilDay);
    }

    @Override
    public int historyCapacity() {
        // Plays are counted among remembered visits; remember enough to find W of them usually.
        return 3 * parameters.window();
    }
}

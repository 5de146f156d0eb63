package dev.loopsim.users.visit;

import dev.loopsim.core.model.VisitModel;
import dev.loopsim.core.world.MemberState;

/**
 * A self-exciting inhomogeneous Poisson process of visits (DESIGN §4), sampled by
 * Lewis–Shedler/Ogata thinning.
 *
 * <p>The bound: between two visits, each term α·s_k·exp(−(t − t_k)/τ_v) moves toward 0, so
 * the excitation at any later time is at most Σ_k max(0, α·s_k·exp(−(t₀ − t_k)/τ_v)) at the
 * current time t₀, and the seasonal factor is at most its {@link Seasonality#maximum()}. The
 * bound is recomputed after each rejected proposal (it only tightens) and checked at every
 * proposal.
 */
public final class SelfExcitingVisits implements VisitModel {
    private final SelfExcitingParameters parameters;
    private final Seasonality seasonality;
    private final double seasonalMaximum;
    private final double[] excitationPerGenre;

    public SelfExcitingVisits(SelfExcitingParameters parameters) {
        this.parameters = parameters;
        this.excitationPerGenre = parameters.excitationPerGenre();
        this.seasonality = parameters.seasonality();
        this.seasonalMaximum = seasonality.maximum();
    }

    @Override
    public double intensity(MemberState member, double day) {
        return member.profile().baseRatePerDay() * seasonality.at(day) * Math.exp(excitation(member, day, false));
    }

    /** Σ α_{g_k}·s_k·exp(−(t − t_k)/τ_v) over remembered visits, or only its positive terms. */
    private double excitation(MemberState member, double day, boolean positiveOnly) {
        double alpha = parameters.excitation();
        boolean byGenre = excitationPerGenre.length > 0; // else the genres need not be read at all
        double sum = 0;
        for (int k = 0; k < member.recentCount(); k++) {
            double term = (byGenre ? excitation(member.recentGenre(k)) : alpha) * member.recentSatisfaction(k)
                    * Math.exp(-(day - member.recentVisitDay(k)) / parameters.decayDays());
            if (!positiveOnly || term > 0) {
                sum += term;
            }
        }
        return sum;
    }

    private double excitation(int genre) {
        return genre >= 0 && genre < excitationPerGenre.length ? excitationPerGenre[genre] : parameters.excitation();
    }

    /** An upper bound of λ_u(t) for every t ≥ day until the member's next visit. */
    public double bound(MemberState member, double day) {
        return member.profile().baseRatePerDay() * seasonalMaximum * Math.exp(excitation(member, day, true));
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
        return parameters.window();
    }
}

package dev.loopsim.users.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * λ_u(t) = b_u · season(t) · exp(Σ_{k ∈ last W visits} α·s_k·e^{−(t − t_k)/τ}) (DESIGN §4), in
 * the natural coordinates of {@link FitParameters}. The base rate multiplies everything, so
 * m_j = season(t_j)·exp(E(t_j⁻)) and a_j = 0.
 */
final class SelfExcitingForm implements VisitForm {
    static final SelfExcitingForm INSTANCE = new SelfExcitingForm();
    private static final double[] LOWER = {-5, Math.log(1.0 / 96), -6, -6, -6, -6, -14, Math.log(0.02)};
    private static final double[] UPPER = {5, Math.log(365), 6, 6, 6, 6, 6, Math.log(5)};

    @Override
    public String type() {
        return "self-exciting";
    }

    @Override
    public double[] lower() {
        return LOWER.clone();
    }

    @Override
    public double[] upper() {
        return UPPER.clone();
    }

    @Override
    public int[] seasonalPairs() {
        return new int[]{FitParameters.DAILY_COS, FitParameters.WEEKLY_COS};
    }

    @Override
    public int decayIndex() {
        return FitParameters.LOG_DECAY;
    }

    @Override
    public boolean[] free(FitOptions options) {
        boolean[] free = new boolean[FitParameters.COUNT];
        free[FitParameters.EXCITATION] = options.excitation();
        free[FitParameters.LOG_DECAY] = options.excitation();
        free[FitParameters.DAILY_COS] = options.daily();
        free[FitParameters.DAILY_SIN] = options.daily();
        free[FitParameters.WEEKLY_COS] = options.weekly();
        free[FitParameters.WEEKLY_SIN] = options.weekly();
        free[FitParameters.LOG_RATE_MEAN] = true;
        free[FitParameters.LOG_RATE_SD] = true;
        return free;
    }

    @Override
    public double[] start(double pooledRatePerDay, FitOptions options) {
        double[] x = new double[FitParameters.COUNT];
        x[FitParameters.LOG_RATE_MEAN] = Math.log(pooledRatePerDay);
        return x;
    }

    @Override
    public Season season(double[] natural) {
        return new Season(FitParameters.fromArray(natural));
    }

    @Override
    public boolean admissible(double[] natural) {
        return FitParameters.fromArray(natural).admissible();
    }

    @Override
    public MemberLikelihood member(MemberTrack track, double[] natural, Season season, int window, double[] gapRate,
                                   double[] gapFixed, GapNodes nodes) {
        double alpha = natural[FitParameters.EXCITATION];
        double tau = Math.exp(natural[FitParameters.LOG_DECAY]);
        double[] days = track.days;
        double logSum = 0;
        double integral = 0;
        double excitationAfter = 0;
        // s_k·e^{−(t_j − t_k)/τ} for the last W visits, decayed by one factor per step: one
        // exponential per visit for the excitation however long the window.
        double[] recent = new double[window];
        for (int j = 0; j < days.length; j++) {
            double step = j == 0 || alpha == 0 ? 0 : Math.exp(-(days[j] - days[j - 1]) / tau);
            if (j > 0) {
                double before = excitationAfter * step;
                logSum += Math.log(track.seasonAtVisit(season, j)) + before;
            }
            if (alpha != 0) {
                double sum = 0;
                for (int k = 0; k < window; k++) {
                    recent[k] *= step;
                }
                recent[j % window] = track.satisfaction[j]; // visit j − W leaves the window
                for (int k = 0; k < window; k++) {
                    sum += recent[k];
                }
                excitationAfter = alpha * sum;
            }
            double atGapStart = excitationAfter == 0 ? 0 : excitationAfter * Math.exp(-(track.gapStart[j] - days[j]) / tau);
            double gap = track.excitedIntegral(season, j, atGapStart, tau);
            integral += gap;
            if (gapRate != null) {
                gapRate[j] = gap;
            }
            if (gapFixed != null) {
                gapFixed[j] = 0;
            }
            if (nodes != null && nodes.wants(j)) {
                // exp(E) is within SETTLED of 1 from τ·ln(|E|/SETTLED) on.
                double settled = atGapStart == 0 ? 0 : Math.max(0, tau * Math.log(Math.abs(atGapStart) / GapNodes.SETTLED));
                GapNodes.Layout layout = nodes.layout(j, nodes.length(j, track.span(j)), settled);
                double[] at = layout.offsets();
                double[] shape = new double[at.length];
                double[] trig = new double[8];
                for (int q = 0; q < at.length; q++) {
                    Season.trig(track.gapStart[j] + at[q], trig, 0);
                    shape[q] = season.at(trig, 0) * (atGapStart == 0 ? 1 : Math.exp(atGapStart * Math.exp(-at[q] / tau)));
                }
                GapNodes.integrate(layout, shape, nodes.rate[j], nodes.boundaryRate[j]);
            }
        }
        return MemberLikelihood.multiplicative(days.length - 1, logSum, integral);
    }

    @Override
    public double intensity(double[] natural, Season season, double rate, double[] days, double[] satisfaction, int kept,
                            double t, boolean bound) {
        double alpha = natural[FitParameters.EXCITATION];
        double tau = Math.exp(natural[FitParameters.LOG_DECAY]);
        double excitation = 0;
        for (int k = 0; k < kept; k++) {
            double term = alpha * satisfaction[k] * Math.exp(-(t - days[k]) / tau);
            if (!bound || term > 0) {
                excitation += term;
            }
        }
        return rate * (bound ? season.maximum : season.atDay(t)) * Math.exp(excitation);
    }

    @Override
    public List<Derived> derived(double[] natural) {
        List<Derived> list = new ArrayList<>();
        list.add(VisitForm.single("excitation", natural, FitParameters.EXCITATION, false, 1, ""));
        list.add(VisitForm.single("decay_days", natural, FitParameters.LOG_DECAY, true, 1, "days"));
        list.addAll(VisitForm.seasonal(natural, FitParameters.DAILY_COS, FitParameters.WEEKLY_COS));
        list.addAll(VisitForm.population(natural));
        return list;
    }

    @Override
    public Map<String, Object> visitsBlock(double[] natural, int window) {
        return VisitForm.block(type(), derived(natural), window, Map.of());
    }
}

package dev.loopsim.users.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Accordion's additive intensity (McInerney et al. 2021), as the simulator's {@code additive}
 * visit model has it: λ_u(t) = λ_time·season(t) + b_u + Σ_{k ∈ last W plays} J·e^{−(t − t_k)/δ},
 * a play being a visit with satisfaction above 0. The base rate adds a constant, so m_j = 1 and
 * a_j is the rest of λ at t_j. Natural coordinates: log λ_time, log J, log δ, the seasonal
 * cos/sin pairs, μ and log σ.
 */
final class AdditiveForm implements VisitForm {
    static final AdditiveForm INSTANCE = new AdditiveForm();
    static final int LOG_TIME_RATE = 0;
    static final int LOG_JUMP = 1;
    static final int LOG_JUMP_DECAY = 2;
    static final int DAILY_COS = 3;
    static final int WEEKLY_COS = 5;
    static final int COUNT = 9;
    private static final double[] LOWER = {Math.log(1e-7), Math.log(1e-6), Math.log(1.0 / 96), -6, -6, -6, -6, -14, Math.log(0.02)};
    private static final double[] UPPER = {Math.log(50), Math.log(100), Math.log(365), 6, 6, 6, 6, 6, Math.log(5)};

    @Override
    public String type() {
        return "additive";
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
        return new int[]{DAILY_COS, WEEKLY_COS};
    }

    @Override
    public int decayIndex() {
        return LOG_JUMP_DECAY;
    }

    @Override
    public boolean[] free(FitOptions options) {
        return new boolean[]{true, options.excitation(), options.excitation(), options.daily(), options.daily(),
                options.weekly(), options.weekly(), true, true};
    }

    @Override
    public double[] start(double pooledRatePerDay, FitOptions options) {
        double[] x = new double[COUNT];
        x[LOG_TIME_RATE] = Math.log(pooledRatePerDay / 4);
        // With excitation off, the jump is held at 0: its log at −∞.
        x[LOG_JUMP] = options.excitation() ? Math.log(pooledRatePerDay) : Double.NEGATIVE_INFINITY;
        x[COUNT - 2] = Math.log(pooledRatePerDay / 2);
        return x;
    }

    @Override
    public Season season(double[] x) {
        return new Season(x[DAILY_COS], x[DAILY_COS + 1], x[WEEKLY_COS], x[WEEKLY_COS + 1]);
    }

    @Override
    public boolean admissible(double[] x) {
        return Math.hypot(x[DAILY_COS], x[DAILY_COS + 1]) < 1 && Math.hypot(x[WEEKLY_COS], x[WEEKLY_COS + 1]) < 1;
    }

    /**
     * One pass over the visits keeping e^{−(t_j − t_k)/δ} for each play k in the window, decayed
     * by one factor per step: three exponentials per visit however long the window, where a term
     * per play per visit made the fit's time grow with W.
     */
    @Override
    public MemberLikelihood member(MemberTrack track, double[] x, Season season, int window, double[] gapRate,
                                   double[] gapFixed, GapNodes nodes) {
        double timeRate = Math.exp(x[LOG_TIME_RATE]);
        double jump = Math.exp(x[LOG_JUMP]);
        double decay = Math.exp(x[LOG_JUMP_DECAY]);
        double[] days = track.days;
        int n = days.length;
        double[] m = new double[n - 1];
        double[] a = new double[n - 1];
        double[] decayed = new double[window]; // ring of e^{−(t_j − t_k)/δ}, oldest play at head
        int head = 0;
        int played = 0;
        double rateIntegral = 0;
        double fixedIntegral = 0;
        for (int j = 0; j < n; j++) {
            double sum = 0;
            if (j > 0 && played > 0) {
                double step = Math.exp(-(days[j] - days[j - 1]) / decay);
                for (int k = 0; k < played; k++) {
                    decayed[k] *= step;
                    sum += decayed[k];
                }
            }
            if (j > 0) {
                m[j - 1] = 1;
                a[j - 1] = timeRate * track.seasonAtVisit(season, j) + jump * sum;
            }
            if (track.satisfaction[j] > 0) {
                if (played == window) {
                    decayed[head] = 1; // the oldest play leaves the window
                    head = (head + 1) % window;
                } else {
                    decayed[(head + played++) % window] = 1;
                }
                sum = 0;
                for (int k = 0; k < played; k++) {
                    sum += decayed[k];
                }
            }
            double length = track.span(j);
            // The season's part of ∫λ is summed over all gaps at once below, unless asked per gap.
            double fixed = gapFixed == null ? 0 : timeRate * track.seasonIntegral(season, j);
            if (length > 0 && played > 0) {
                // ∫ over the gap of Σ J·e^{−(t − t_k)/δ}, from its start s: J·δ·e^{−(s − t_j)/δ}·(1 − e^{−length/δ})·Σ.
                fixed += jump * decay * Math.exp(-(track.gapStart[j] - days[j]) / decay) * (1 - Math.exp(-length / decay)) * sum;
            }
            if (nodes != null && nodes.wants(j)) {
                double jumpsAtStart = played > 0 ? jump * Math.exp(-(track.gapStart[j] - days[j]) / decay) * sum : 0;
                // The jumps are below SETTLED a day from δ·ln(J·Σ/SETTLED) on.
                double settled = jumpsAtStart > 0 ? Math.max(0, decay * Math.log(jumpsAtStart / GapNodes.SETTLED)) : 0;
                GapNodes.Layout layout = nodes.layout(j, nodes.length(j, track.span(j)), settled);
                double[] at = layout.offsets();
                for (int q = 0; q < at.length; q++) {
                    nodes.rate[j][q] = at[q];
                    nodes.fixed[j][q] = fixedUpTo(track, season, j, timeRate, jumpsAtStart, decay, at[q]);
                }
                for (int c = 0; c <= layout.tiling() + 1; c++) {
                    double upTo = layout.boundary(c);
                    nodes.boundaryRate[j][c] = upTo;
                    nodes.boundaryFixed[j][c] = Double.isNaN(upTo) ? upTo : fixedUpTo(track, season, j, timeRate, jumpsAtStart, decay, upTo);
                }
            }
            rateIntegral += length;
            fixedIntegral += fixed;
            if (gapRate != null) {
                gapRate[j] = length;
            }
            if (gapFixed != null) {
                gapFixed[j] = fixed;
            }
        }
        if (gapFixed == null) {
            fixedIntegral += timeRate * track.seasonIntegralTotal(season);
        }
        return new MemberLikelihood(n - 1, 0, m, a, rateIntegral, fixedIntegral);
    }

    @Override
    public double intensity(double[] x, Season season, double rate, double[] days, double[] drives, int kept,
                            double t, boolean bound) {
        double jump = Math.exp(x[LOG_JUMP]);
        double decay = Math.exp(x[LOG_JUMP_DECAY]);
        double jumps = 0;
        for (int k = 0; k < kept; k++) {
            if (drives[k] > 0) { // a play
                jumps += jump * Math.exp(-(t - days[k]) / decay);
            }
        }
        return Math.exp(x[LOG_TIME_RATE]) * (bound ? season.maximum : season.atDay(t)) + rate + jumps;
    }

    @Override
    public List<Derived> derived(double[] x) {
        List<Derived> list = new ArrayList<>();
        list.add(VisitForm.single("time_rate_per_day", x, LOG_TIME_RATE, true, 1, "visits/day"));
        list.add(VisitForm.single("jump_per_day", x, LOG_JUMP, true, 1, "visits/day"));
        list.add(VisitForm.single("jump_decay_days", x, LOG_JUMP_DECAY, true, 1, "days"));
        list.addAll(VisitForm.seasonal(x, DAILY_COS, WEEKLY_COS));
        list.addAll(VisitForm.population(x));
        return list;
    }

    /** ∫ (λ_time·season + jumps) over the first {@code upTo} days of gap j's at-risk part; the jumps start at {@code jumps}. */
    private static double fixedUpTo(MemberTrack track, Season season, int j, double timeRate, double jumps, double decay,
                                    double upTo) {
        return timeRate * track.seasonIntegral(season, j, upTo) + jumps * decay * (1 - Math.exp(-upTo / decay));
    }

    /** The simulator's additive member remembers 3W visits, to find W plays among them (see AdditiveVisits). */
    @Override
    public int memory(int window) {
        return 3 * window;
    }

    // The fit's b_u is the state term itself: state_weight 1.
    @Override
    public Map<String, Object> visitsBlock(double[] natural, int window) {
        return VisitForm.block(type(), derived(natural), window, Map.of("state_weight", 1.0));
    }
}

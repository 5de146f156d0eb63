package dev.loopsim.users.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A visit form whose members may also leave unseen, by the simulator's {@code hazard} churn
 * rule: after visit j they leave at rate h_j = ρ·exp(−w·s̄_j) per day until their next visit, s̄_j
 * the mean satisfaction of the visits they remember (see {@code Churning}).
 *
 * <p>A log never records leaving, so the likelihood sums over it. A member seen again after a
 * gap Δ stayed through it: a factor e^{−h·Δ}, which does not depend on their base rate. After the
 * last visit, T − t_n before the log ends, they either stayed without visiting, e^{−h(T − t_n)}·S(T),
 * or left at some c before visiting, ∫ h·e^{−h(c − t_n)}·S(c) dc, S the chance of no visit so far
 * given they stay. While a session lasts S is 1 (that part is closed-form); over the rest the
 * integral is a Gauss–Legendre sum at {@link GapNodes}, each node one more term e^{−r·I(c) − C(c)}
 * of the member's likelihood in r.
 *
 * <p>Coordinates: the wrapped form's, with log ρ (per day) and w inserted before the
 * population's μ and log σ, which stay last.
 */
final class HazardChurnForm implements VisitForm {
    private final VisitForm visits;
    private final int logRate;
    private final int weight;
    /** Per coordinate, the wrapped form's coordinate it is, or −1 for the churn's two. */
    private final int[] visitIndex;

    HazardChurnForm(VisitForm visits) {
        this.visits = visits;
        int count = visits.lower().length;
        this.logRate = count - 2;
        this.weight = logRate + 1;
        this.visitIndex = new int[count + 2];
        for (int i = 0; i < visitIndex.length; i++) {
            visitIndex[i] = i < logRate ? i : i > weight ? i - 2 : -1;
        }
    }

    /** The wrapped form's coordinates: these without the churn's two. */
    double[] visitCoordinates(double[] natural) {
        double[] inner = new double[natural.length - 2];
        for (int i = 0; i < natural.length; i++) {
            if (visitIndex[i] >= 0) {
                inner[visitIndex[i]] = natural[i];
            }
        }
        return inner;
    }

    /** The churn's first coordinate, log ρ; w follows it. */
    int logRateIndex() {
        return logRate;
    }

    /** These coordinates from the wrapped form's and the churn's two. */
    double[] withChurn(double[] inner, double logRateValue, double weightValue) {
        double[] all = new double[visitIndex.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = visitIndex[i] >= 0 ? inner[visitIndex[i]] : i == logRate ? logRateValue : weightValue;
        }
        return all;
    }

    @Override
    public String type() {
        return visits.type();
    }

    @Override
    public double[] lower() {
        return withChurn(visits.lower(), Math.log(1e-6), -20);
    }

    @Override
    public double[] upper() {
        return withChurn(visits.upper(), Math.log(5), 20);
    }

    @Override
    public int[] seasonalPairs() {
        return visits.seasonalPairs(); // all before the churn's coordinates
    }

    @Override
    public int decayIndex() {
        return visits.decayIndex();
    }

    @Override
    public boolean[] free(FitOptions options) {
        boolean[] inner = visits.free(options);
        boolean[] all = new boolean[visitIndex.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = visitIndex[i] < 0 || inner[visitIndex[i]];
        }
        return all;
    }

    @Override
    public double[] start(double pooledRatePerDay, FitOptions options) {
        // Leaving starts out rare next to visiting: one member in fifty per visit's worth of time.
        return withChurn(visits.start(pooledRatePerDay, options), Math.log(pooledRatePerDay / 50), 0);
    }

    @Override
    public Season season(double[] natural) {
        return visits.season(visitCoordinates(natural));
    }

    @Override
    public boolean admissible(double[] natural) {
        return visits.admissible(visitCoordinates(natural));
    }

    @Override
    public int memory(int window) {
        return visits.memory(window);
    }

    /** h for a member whose remembered visits average {@code meanSatisfaction}, per day. */
    double hazardPerDay(double[] natural, double meanSatisfaction) {
        return Math.exp(natural[logRate] - natural[weight] * meanSatisfaction);
    }

    /** Per visit j, h_j: the hazard from just after it until the next. */
    double[] hazards(MemberTrack track, double[] natural, int window) {
        RecentSatisfaction recent = new RecentSatisfaction(visits.memory(window));
        double[] hazard = new double[track.visits()];
        for (int j = 0; j < track.visits(); j++) {
            recent.add(track.satisfaction[j]);
            hazard[j] = hazardPerDay(natural, recent.mean());
        }
        return hazard;
    }

    @Override
    public MemberLikelihood member(MemberTrack track, double[] natural, Season season, int window, double[] gapRate,
                                   double[] gapFixed, GapNodes nodes) {
        int n = track.visits();
        int last = n - 1;
        double[] rate = gapRate != null ? gapRate : new double[n];
        double[] fixed = gapFixed != null ? gapFixed : new double[n];
        GapNodes all = nodes != null ? nodes : new GapNodes(n);
        all.request(last);
        MemberLikelihood base = visits.member(track, visitCoordinates(natural), season, window, rate, fixed, all);
        double[] hazard = hazards(track, natural, window);
        double stayed = 0;
        for (int j = 0; j < last; j++) {
            stayed += hazard[j] * (track.days[j + 1] - track.days[j]);
        }
        return base.withTail(base.rateIntegral() - rate[last], base.fixedIntegral() - fixed[last] + stayed,
                survival(track, last, hazard[last], track.end, rate[last], fixed[last], all));
    }

    /**
     * The chance of no visit after visit j until {@code until}, given the member was there at the
     * visit, the nodes running to there. Its terms: they stayed (e^{−h·(until − t_j) − C}, with I and C
     * of the whole stretch); they left during the session; they left at a node before visiting,
     * h·e^{−h·(session + x)}·e^{−r·I(x) − C(x)} times its weight.
     */
    private static GapSurvival survival(MemberTrack track, int j, double hazard, double until, double rate, double fixed,
                                        GapNodes nodes) {
        GapNodes.Layout layout = nodes.layouts[j];
        double[] nodeRate = nodes.rate[j];
        double[] nodeFixed = nodes.fixed[j];
        double dead = track.gapStart[j] - track.days[j];
        int weekly = layout.weekFrom();
        double[] boundaryRate = nodes.boundaryRate[j];
        double[] boundaryFixed = nodes.boundaryFixed[j];
        double weekRate = weekly < 0 ? 0 : boundaryRate[layout.tiling()] - boundaryRate[weekly];
        double weekFixed = weekly < 0 ? 0 : boundaryFixed[layout.tiling()] - boundaryFixed[weekly];
        int weeks = layout.weeks();
        int head = layout.head().length;
        int partial = layout.partial().length;
        double[] logW = new double[2 + head + partial];
        double[] integral = new double[logW.length];
        logW[0] = -hazard * (until - track.days[j]) - fixed;
        integral[0] = rate;
        logW[1] = dead > 0 && hazard > 0 ? Math.log(-Math.expm1(-hazard * dead)) : Double.NEGATIVE_INFINITY;
        for (int k = 0; k < head; k++) {
            int q = layout.head()[k];
            logW[2 + k] = leaving(hazard, layout.headWeight()[k], dead + layout.offsets()[q], nodeFixed[q]);
            integral[2 + k] = nodeRate[q];
        }
        // The last, incomplete week: its nodes' places in the first week, K weeks on.
        for (int k = 0; k < partial; k++) {
            int q = layout.partial()[k];
            logW[2 + head + k] = leaving(hazard, layout.partialWeight()[k], dead + layout.offsets()[q] + weeks * GapNodes.WEEK,
                    nodeFixed[q] + weeks * weekFixed);
            integral[2 + head + k] = nodeRate[q] + weeks * weekRate;
        }
        int week = layout.week().length;
        double[] logV = new double[week];
        double[] weekIntegral = new double[week];
        for (int k = 0; k < week; k++) {
            int q = layout.week()[k];
            logV[k] = leaving(hazard, layout.weekWeight()[k], dead + layout.offsets()[q], nodeFixed[q]);
            weekIntegral[k] = nodeRate[q];
        }
        return new GapSurvival(logW, integral, logV, weekIntegral, weeks, hazard * GapNodes.WEEK + weekFixed, weekRate);
    }

    /** log of h·w·e^{−h·t}·e^{−C}: leaving t after the visit, with quadrature weight w. */
    private static double leaving(double hazard, double weight, double t, double fixed) {
        return hazard > 0 ? Math.log(hazard * weight) - hazard * t - fixed : Double.NEGATIVE_INFINITY;
    }

    /**
     * Per visit j, the chance of no further visit: {through the gap that followed, through to the log's
     * end}. Time rescaling reads both: a gap it sees is one whose visit came before the end.
     */
    GapSurvival[][] gapSurvivals(MemberTrack track, double[] natural, Season season, int window) {
        int n = track.visits();
        double[] rate = new double[n];
        double[] fixed = new double[n];
        GapNodes observed = new GapNodes(n);
        GapNodes toEnd = new GapNodes(n);
        for (int j = 0; j < n; j++) {
            observed.request(j);
            toEnd.request(j, Math.max(0, track.end - track.gapStart[j]));
        }
        double[] inner = visitCoordinates(natural);
        visits.member(track, inner, season, window, rate, fixed, observed);
        visits.member(track, inner, season, window, null, null, toEnd);
        double[] hazard = hazards(track, natural, window);
        GapSurvival[][] survivals = new GapSurvival[n][];
        for (int j = 0; j < n; j++) {
            double next = j + 1 < n ? track.days[j + 1] : track.end;
            GapNodes.Layout whole = toEnd.layouts[j];
            survivals[j] = new GapSurvival[]{survival(track, j, hazard[j], next, rate[j], fixed[j], observed),
                    survival(track, j, hazard[j], track.end, whole.atEnd(toEnd.boundaryRate[j]),
                            whole.atEnd(toEnd.boundaryFixed[j]), toEnd)};
        }
        return survivals;
    }

    @Override
    public double drive(double[] natural, double satisfaction, int genre) {
        return visits.drive(visitCoordinates(natural), satisfaction, genre);
    }

    @Override
    public double intensity(double[] natural, Season season, double rate, double[] days, double[] drives, int kept,
                            double t, boolean bound) {
        return visits.intensity(visitCoordinates(natural), season, rate, days, drives, kept, t, bound);
    }

    @Override
    public List<Derived> derived(double[] natural) {
        List<Derived> list = new ArrayList<>();
        for (Derived d : visits.derived(visitCoordinates(natural))) {
            list.add(new Derived(d.name(), d.value(), withChurn(d.gradient(), 0, 0), d.unit()));
        }
        list.add(VisitForm.single("churn_rate_per_week", natural, logRate, true, 7, "per week"));
        list.add(VisitForm.single("churn_satisfaction_weight", natural, weight, false, 1, ""));
        return list;
    }

    @Override
    public Map<String, Object> visitsBlock(double[] natural, int window) {
        return visits.visitsBlock(visitCoordinates(natural), window);
    }

    @Override
    public Map<String, Object> churnBlock(double[] natural) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "hazard");
        block.put("rate_per_week", 7 * Math.exp(natural[logRate]));
        block.put("satisfaction_weight", natural[weight]);
        return block;
    }
}

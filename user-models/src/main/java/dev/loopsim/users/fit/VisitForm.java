package dev.loopsim.users.fit;

import java.util.List;
import java.util.Map;

/**
 * A form of visit intensity the fitter can fit: its coordinates, each member's likelihood, the
 * intensity for simulating held-out visits, what it reports and the block it writes.
 *
 * <p>Natural coordinates are the ones standard errors are computed in; by convention the last
 * two are the population's μ and log σ of log base rates. Optimiser coordinates are the same
 * except that each seasonal (cos, sin) pair is mapped through tanh of its length, which keeps
 * amplitudes below 1.
 */
interface VisitForm {

    /** A reported estimate: its value and its gradient in natural coordinates (for the delta method). */
    record Derived(String name, double value, double[] gradient, String unit) { }

    /** The scenario's {@code world.visits.type}. */
    String type();

    /** Optimiser bounds. */
    double[] lower();

    double[] upper();

    /** The cos index of each seasonal (cos, sin) pair. */
    int[] seasonalPairs();

    /** The log-decay coordinate started from several time scales, or −1. */
    int decayIndex();

    boolean[] free(FitOptions options);

    /** Optimiser coordinates to start from; coordinates the options fix hold their fixed values. */
    double[] start(double pooledRatePerDay, FitOptions options);

    Season season(double[] natural);

    /** False where the intensity could go negative or a scale is not positive. */
    boolean admissible(double[] natural);

    /**
     * One member's likelihood in their base rate.
     *
     * @param gapRate  if not null, receives per gap (after each visit) the part of ∫λ proportional to r
     * @param gapFixed if not null, receives per gap the rest of ∫λ
     * @param nodes    if not null, receives both parts of ∫λ up to the points it asks for
     */
    MemberLikelihood member(MemberTrack track, double[] natural, Season season, int window, double[] gapRate, double[] gapFixed,
                            GapNodes nodes);

    default MemberLikelihood member(MemberTrack track, double[] natural, Season season, int window, double[] gapRate,
                                    double[] gapFixed) {
        return member(track, natural, season, window, gapRate, gapFixed, null);
    }

    /**
     * How many recent visits a simulated member of this form remembers: the visits whose mean
     * satisfaction a hazard of churn reads (see {@code Churning}).
     */
    default int memory(int window) {
        return window;
    }

    /** The {@code world.churn} settings, in YAML names, or null where the form leaves churn alone. */
    default Map<String, Object> churnBlock(double[] natural) {
        return null;
    }

    /**
     * What a remembered visit of satisfaction s and genre coordinate g ({@link VisitLog.MemberVisits#NO_GENRE}
     * for none) brings to {@link #intensity}: the self-exciting form's α_g·s; by default s itself.
     */
    default double drive(double[] natural, double satisfaction, int genre) {
        return satisfaction;
    }

    /**
     * λ(t) for a member of base rate r whose last {@code kept} visits are on {@code days} with these
     * {@link #drive drives}, or, with {@code bound}, a value ≥ λ(t') for every t' ≥ t until their next visit.
     */
    double intensity(double[] natural, Season season, double rate, double[] days, double[] drives, int kept, double t,
                     boolean bound);

    List<Derived> derived(double[] natural);

    /** The {@code world.visits} settings, in YAML names. */
    Map<String, Object> visitsBlock(double[] natural, int window);

    static Derived amplitude(String name, double[] natural, int cosIndex) {
        double c = natural[cosIndex];
        double s = natural[cosIndex + 1];
        double a = Math.hypot(c, s);
        double[] gradient = new double[natural.length];
        gradient[cosIndex] = a == 0 ? 1 : c / a;
        gradient[cosIndex + 1] = a == 0 ? 1 : s / a;
        return new Derived(name, a, gradient, "");
    }

    static Derived phase(String name, double[] natural, int cosIndex, double period, String unit) {
        double c = natural[cosIndex];
        double s = natural[cosIndex + 1];
        double a2 = c * c + s * s;
        double[] gradient = new double[natural.length];
        double scale = period / (2 * Math.PI);
        gradient[cosIndex] = a2 == 0 ? Double.NaN : -s / a2 * scale;
        gradient[cosIndex + 1] = a2 == 0 ? Double.NaN : c / a2 * scale;
        double p = a2 == 0 ? 0 : Math.atan2(s, c) * scale;
        double wrapped = p < 0 ? p + period : p;
        return new Derived(name, wrapped >= period ? 0 : wrapped, gradient, unit);
    }

    /** A derived value that is exp of one natural coordinate (or the coordinate itself). */
    static Derived single(String name, double[] natural, int index, boolean exponentiated, double factor, String unit) {
        double[] gradient = new double[natural.length];
        double value = factor * (exponentiated ? Math.exp(natural[index]) : natural[index]);
        // A term held at 0 (its log at −∞) still depends on its coordinate: NaN, not 0, keeps that visible.
        gradient[index] = exponentiated ? (value == 0 ? Double.NaN : value) : factor;
        return new Derived(name, value, gradient, unit);
    }

    /**
     * A {@code world.visits} block: the type, the form's constants, every estimate but the
     * population's (with the window before the seasonal keys), and {@code visit_at_join}: the fit
     * takes each member's first event as given (their join), and so should a run.
     */
    static Map<String, Object> block(String type, List<Derived> derived, int window, Map<String, Object> constants) {
        Map<String, Object> block = new java.util.LinkedHashMap<>();
        block.put("type", type);
        block.putAll(constants);
        for (Derived d : derived) {
            if (d.name().equals("daily_amplitude")) {
                block.put("window", window);
            }
            if (!POPULATION.contains(d.name())) {
                block.put(d.name(), d.value());
            }
        }
        block.put("visit_at_join", true);
        return block;
    }

    List<String> POPULATION = List.of("visits_per_week_median", "visit_rate_sd_log");

    /** Amplitude and peak of the daily and the weekly harmonic, from their (cos, sin) coordinates. */
    static List<Derived> seasonal(double[] natural, int dailyCos, int weeklyCos) {
        return List.of(amplitude("daily_amplitude", natural, dailyCos), phase("daily_peak_hour", natural, dailyCos, 24, "hour"),
                amplitude("weekly_amplitude", natural, weeklyCos),
                phase("weekly_peak_day", natural, weeklyCos, 7, "day (0 = Monday)"));
    }

    /** The population's median rate and spread: the last two coordinates of every form. */
    static List<Derived> population(double[] natural) {
        int mu = natural.length - 2;
        return List.of(single(POPULATION.get(0), natural, mu, true, 7, "visits/week"),
                single(POPULATION.get(1), natural, mu + 1, true, 1, ""));
    }
}

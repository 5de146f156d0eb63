package dev.loopsim.users.fit;

import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * One member's visits prepared for the likelihood: the trigonometric values the seasonal
 * integrals need depend only on the data, so they are computed once, not at every evaluation.
 *
 * <p>Observation runs from the member's first visit (taken as given: it is when they joined
 * the log) to {@code end}, except while a visit's session lasts: after a visit the member is at
 * risk of the next only from its last event plus the session gap, since sessionising merges
 * anything sooner into the same visit. Leaving that dead time out of ∫λ keeps the fit from
 * reading it as negative excitation.
 *
 * <p>Over the at-risk part of a gap the self-exciting excitation is one decaying exponential,
 * E(t) = E₀·e^{−(t − s)/τ}, so ∫ season(t)·exp(E(t)) dt is exactly the series
 * Σ_n E₀^n/n! · ∫ season(t)·e^{−n(t − s)/τ} dt, each term closed-form; the series is summed
 * until its terms fall below double precision.
 */
final class MemberTrack {
    /** Below this excitation the alternating series would cancel badly: integrate that stretch by quadrature. */
    private static final double NEGATIVE_LIMIT = -4;
    private static final int LEGENDRE_NODES = 10;
    private static final double PANEL_DAYS = 0.125;
    private static final double[] GL_X = new double[LEGENDRE_NODES];
    private static final double[] GL_W = new double[LEGENDRE_NODES];

    static {
        var rule = new GaussIntegratorFactory().legendre(LEGENDRE_NODES);
        for (int i = 0; i < LEGENDRE_NODES; i++) {
            GL_X[i] = rule.getPoint(i);
            GL_W[i] = rule.getWeight(i);
        }
    }

    final double[] days;
    final double[] satisfaction;
    /** Each visit's genre coordinate in the form (see {@link SelfExcitingForm}), or {@link VisitLog.MemberVisits#NO_GENRE}. */
    final int[] genres;
    final double end;
    /** Where the gap after each visit starts being at risk: in [days[j], next visit or end]. */
    final double[] gapStart;
    private final double[] eventTrig;
    private final double[] gapTrig;
    private final double[] spanTrig;
    /**
     * ∫ season(t) dt over all at-risk gaps is linear in the season's coefficients: these are its
     * constant (the total at-risk time) and the weight of each cos_f and sin_f, so the fit's
     * every evaluation costs one dot product here, not a term per gap.
     */
    private final double atRisk;
    private final double[] seasonWeights = new double[8];

    MemberTrack(VisitLog.MemberVisits visits, double end) {
        this(visits, end, null);
    }

    /** @param genreCoordinates per genre of the log, its coordinate in the form or NO_GENRE; null: no genres */
    MemberTrack(VisitLog.MemberVisits visits, double end, int[] genreCoordinates) {
        this(visits.days(), visits.satisfaction(), visits.atRiskFrom(), end, coordinates(visits.genres(), genreCoordinates));
    }

    MemberTrack(double[] days, double[] satisfaction, double[] atRiskFrom, double end) {
        this(days, satisfaction, atRiskFrom, end, coordinates(new int[days.length], null));
    }

    private static int[] coordinates(int[] genres, int[] genreCoordinates) {
        int[] coordinates = new int[genres.length];
        for (int j = 0; j < genres.length; j++) {
            coordinates[j] = genreCoordinates == null || genres[j] == VisitLog.MemberVisits.NO_GENRE
                    ? VisitLog.MemberVisits.NO_GENRE : genreCoordinates[genres[j]];
        }
        return coordinates;
    }

    /** Per genre of the log, its coordinate among the {@code excited} genres, or NO_GENRE: the map tracks take. */
    static int[] genreCoordinates(List<String> logGenres, List<String> excited) {
        return logGenres.stream().mapToInt(excited::indexOf).toArray(); // indexOf gives −1, NO_GENRE, when absent
    }

    private MemberTrack(double[] days, double[] satisfaction, double[] atRiskFrom, double end, int[] genres) {
        this.days = days;
        this.satisfaction = satisfaction;
        this.genres = genres;
        this.end = end;
        this.gapStart = new double[days.length];
        this.eventTrig = new double[8 * days.length];
        this.gapTrig = new double[8 * days.length];
        this.spanTrig = new double[8 * days.length];
        double total = 0;
        for (int j = 0; j < days.length; j++) {
            double next = j + 1 < days.length ? days[j + 1] : end;
            gapStart[j] = Math.max(days[j], Math.min(atRiskFrom[j], next));
            Season.trig(days[j], eventTrig, 8 * j);
            Season.trig(gapStart[j], gapTrig, 8 * j);
            Season.trig(span(j), spanTrig, 8 * j);
            if (span(j) > 0) {
                total += span(j);
                Season.addIntegralWeights(gapTrig, spanTrig, 8 * j, seasonWeights);
            }
        }
        atRisk = total;
    }

    /** Σ_j ∫ season(t) dt over every at-risk gap (the sum of {@link #seasonIntegral} over j). */
    double seasonIntegralTotal(Season season) {
        return season.linear(atRisk, seasonWeights);
    }

    int visits() {
        return days.length;
    }

    /** The at-risk length of the gap after visit j: to the next visit, or to the end of observation. */
    double span(int j) {
        return Math.max(0, (j + 1 < days.length ? days[j + 1] : end) - gapStart[j]);
    }

    /** season(t_j). */
    double seasonAtVisit(Season season, int j) {
        return season.at(eventTrig, 8 * j);
    }

    /** ∫ season(t) dt over the at-risk part of the gap after visit j. */
    double seasonIntegral(Season season, int j) {
        double delta = span(j);
        return delta <= 0 ? 0 : season.integral(gapTrig, 8 * j, spanTrig, 8 * j, delta, 0, 1);
    }

    /** ∫ season(t) dt over the first {@code length} days of the at-risk part of the gap after visit j. */
    double seasonIntegral(Season season, int j, double length) {
        if (length <= 0) {
            return 0;
        }
        double[] lengthTrig = new double[8];
        Season.trig(length, lengthTrig, 0);
        return season.integral(gapTrig, 8 * j, lengthTrig, 0, length, 0, 1);
    }

    /** ∫ season(t)·exp(e0·e^{−(t − s_j)/τ}) dt over the at-risk part of the gap after visit j, s_j its start. */
    double excitedIntegral(Season season, int j, double e0, double tau) {
        double delta = span(j);
        if (delta <= 0) {
            return 0;
        }
        if (e0 < NEGATIVE_LIMIT) {
            // Quadrature while E < −4 (the integrand is below e^{−4}·max season there), the series after.
            double head = Math.min(delta, tau * Math.log(e0 / NEGATIVE_LIMIT));
            double value = quadrature(season, gapStart[j], head, e0, tau);
            if (head < delta) {
                double[] startTrig = new double[8];
                double[] restTrig = new double[8];
                Season.trig(gapStart[j] + head, startTrig, 0);
                Season.trig(delta - head, restTrig, 0);
                value += series(season, startTrig, 0, restTrig, 0, delta - head, e0 * Math.exp(-head / tau), tau);
            }
            return value;
        }
        return series(season, gapTrig, 8 * j, spanTrig, 8 * j, delta, e0, tau);
    }

    private static double series(Season season, double[] start, int offset, double[] span, int spanOffset, double delta,
                                 double e0, double tau) {
        if (e0 == 0) {
            return season.integral(start, offset, span, spanOffset, delta, 0, 1);
        }
        double q = Math.exp(-delta / tau);
        double[] phased = season.phased(start, offset);
        double coefficient = 1;
        double decayed = 1;
        double sum = 0;
        for (int n = 0; n < 1000; n++) {
            double term = coefficient * season.integral(phased, span, spanOffset, delta, n / tau, decayed);
            sum += term;
            if (n > Math.abs(e0)
                    && Math.abs(coefficient) * season.maximum * Math.min(delta, tau / n) <= 1e-17 * Math.abs(sum)) {
                break;
            }
            coefficient *= e0 / (n + 1);
            decayed *= q;
        }
        return sum;
    }

    private static double quadrature(Season season, double t0, double length, double e0, double tau) {
        int panels = Math.max(1, (int) Math.ceil(length / PANEL_DAYS));
        double width = length / panels;
        double[] trig = new double[8];
        double sum = 0;
        for (int panel = 0; panel < panels; panel++) {
            double mid = (panel + 0.5) * width;
            for (int i = 0; i < LEGENDRE_NODES; i++) {
                double x = mid + 0.5 * width * GL_X[i];
                Season.trig(t0 + x, trig, 0);
                sum += 0.5 * width * GL_W[i] * season.at(trig, 0) * Math.exp(e0 * Math.exp(-x / tau));
            }
        }
        return sum;
    }
}

package dev.loopsim.users.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * λ_u(t) = b_u · season(t) · exp(Σ_{k ∈ last W visits} α_{g_k}·s_k·e^{−(t − t_k)/τ}) (DESIGN §4). The
 * base rate multiplies everything, so m_j = season(t_j)·exp(E(t_j⁻)) and a_j = 0.
 *
 * <p>Coordinates: those of {@link FitParameters}, with one α_g per excited genre (in the order
 * given) inserted before the population's μ and log σ. A visit of no genre, or of a genre
 * without its own coordinate, excites by α.
 */
final class SelfExcitingForm implements VisitForm {
    static final SelfExcitingForm INSTANCE = new SelfExcitingForm(List.of());
    private static final double[] LOWER = {-5, Math.log(1.0 / 96), -6, -6, -6, -6, -14, Math.log(0.02)};
    private static final double[] UPPER = {5, Math.log(365), 6, 6, 6, 6, 6, Math.log(5)};
    private static final int FIRST_GENRE = FitParameters.LOG_RATE_MEAN;
    /** The name of α_g among the derived values: {@code excitation_genre_<label>}. */
    static final String GENRE_PREFIX = "excitation_genre_";

    private final List<String> genres;

    SelfExcitingForm(List<String> genres) {
        this.genres = List.copyOf(genres);
    }

    /** The coordinates of {@link FitParameters}: these without the genres'. */
    private double[] base(double[] natural) {
        if (genres.isEmpty()) {
            return natural;
        }
        double[] base = new double[FitParameters.COUNT];
        System.arraycopy(natural, 0, base, 0, FIRST_GENRE);
        base[FitParameters.LOG_RATE_MEAN] = natural[natural.length - 2];
        base[FitParameters.LOG_RATE_SD] = natural[natural.length - 1];
        return base;
    }

    /** These coordinates from those of {@link FitParameters}, every genre's α_g set to {@code genreValue}. */
    private double[] withGenres(double[] base, double genreValue) {
        if (genres.isEmpty()) {
            return base;
        }
        double[] all = new double[FitParameters.COUNT + genres.size()];
        System.arraycopy(base, 0, all, 0, FIRST_GENRE);
        java.util.Arrays.fill(all, FIRST_GENRE, FIRST_GENRE + genres.size(), genreValue);
        all[all.length - 2] = base[FitParameters.LOG_RATE_MEAN];
        all[all.length - 1] = base[FitParameters.LOG_RATE_SD];
        return all;
    }

    /** α_g for genre coordinate g, or α for {@link VisitLog.MemberVisits#NO_GENRE}. */
    private static double excitation(double[] natural, int genre) {
        return genre == VisitLog.MemberVisits.NO_GENRE ? natural[FitParameters.EXCITATION] : natural[FIRST_GENRE + genre];
    }

    private boolean excites(double[] natural) {
        for (int g = VisitLog.MemberVisits.NO_GENRE; g < genres.size(); g++) {
            if (excitation(natural, g) != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String type() {
        return "self-exciting";
    }

    @Override
    public double[] lower() {
        return withGenres(LOWER.clone(), LOWER[FitParameters.EXCITATION]);
    }

    @Override
    public double[] upper() {
        return withGenres(UPPER.clone(), UPPER[FitParameters.EXCITATION]);
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
        boolean[] all = new boolean[FitParameters.COUNT + genres.size()];
        System.arraycopy(free, 0, all, 0, FIRST_GENRE);
        java.util.Arrays.fill(all, FIRST_GENRE, FIRST_GENRE + genres.size(), options.excitation());
        all[all.length - 2] = true;
        all[all.length - 1] = true;
        return all;
    }

    @Override
    public double[] start(double pooledRatePerDay, FitOptions options) {
        double[] x = new double[FitParameters.COUNT];
        x[FitParameters.LOG_RATE_MEAN] = Math.log(pooledRatePerDay);
        return withGenres(x, 0);
    }

    @Override
    public Season season(double[] natural) {
        return new Season(FitParameters.fromArray(base(natural)));
    }

    @Override
    public boolean admissible(double[] natural) {
        return FitParameters.fromArray(base(natural)).admissible();
    }

    @Override
    public double drive(double[] natural, double satisfaction, int genre) {
        return excitation(natural, genre) * satisfaction;
    }

    @Override
    public MemberLikelihood member(MemberTrack track, double[] natural, Season season, int window, double[] gapRate,
                                   double[] gapFixed, GapNodes nodes) {
        double alpha = natural[FitParameters.EXCITATION];
        boolean excites = excites(natural);
        boolean byGenre = !genres.isEmpty();
        double tau = Math.exp(natural[FitParameters.LOG_DECAY]);
        double[] days = track.days;
        double logSum = 0;
        double integral = 0;
        double excitationAfter = 0;
        // s_k·e^{−(t_j − t_k)/τ} (α_{g_k}·s_k·e^{−(t_j − t_k)/τ} by genre) for the last W visits, decayed by
        // one factor per step: one exponential per visit for the excitation however long the window.
        double[] recent = new double[window];
        for (int j = 0; j < days.length; j++) {
            double step = j == 0 || !excites ? 0 : Math.exp(-(days[j] - days[j - 1]) / tau);
            if (j > 0) {
                double before = excitationAfter * step;
                logSum += Math.log(track.seasonAtVisit(season, j)) + before;
            }
            if (excites) {
                double sum = 0;
                for (int k = 0; k < window; k++) {
                    recent[k] *= step;
                }
                // visit j − W leaves the window
                recent[j % window] = byGenre ? drive(natural, track.satisfaction[j], track.genres[j]) : track.satisfaction[j];
                for (int k = 0; k < window; k++) {
                    sum += recent[k];
                }
                excitationAfter = byGenre ? sum : alpha * sum;
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
    public double intensity(double[] natural, Season season, double rate, double[] days, double[] drives, int kept,
                            double t, boolean bound) {
        double tau = Math.exp(natural[FitParameters.LOG_DECAY]);
        double excitation = 0;
        for (int k = 0; k < kept; k++) {
            double term = drives[k] * Math.exp(-(t - days[k]) / tau);
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
        for (int g = 0; g < genres.size(); g++) {
            list.add(VisitForm.single(GENRE_PREFIX + genres.get(g), natural, FIRST_GENRE + g, false, 1, ""));
        }
        list.addAll(VisitForm.population(natural));
        return list;
    }

    /** The block, with the genres' α_g gathered under {@code excitation_by_genre}. */
    @Override
    public Map<String, Object> visitsBlock(double[] natural, int window) {
        Map<String, Object> flat = VisitForm.block(type(), derived(natural), window, Map.of());
        Map<String, Object> block = new java.util.LinkedHashMap<>();
        Map<String, Object> byGenre = new java.util.LinkedHashMap<>();
        flat.forEach((key, value) -> {
            if (key.startsWith(GENRE_PREFIX)) {
                byGenre.put(key.substring(GENRE_PREFIX.length()), value);
            } else {
                block.put(key, value);
            }
        });
        if (!byGenre.isEmpty()) {
            block.put("excitation_by_genre", byGenre);
        }
        return block;
    }
}

package dev.loopsim.users.visit;

import dev.loopsim.core.Validate;
import java.util.Map;

/**
 * Parameters of the self-exciting visit process
 * λ_u(t) = b_u · season(t) · exp(Σ_{k ∈ last W visits} α_{g_k} · s_k · exp(−(t − t_k)/τ_v)), g_k the
 * genre of what visit k played.
 *
 * @param excitation   α: how strongly a visit's satisfaction moves the intensity
 * @param decayDays    τ_v: how long a visit's effect lasts, in days
 * @param window       W: how many recent visits count
 * @param dailyAmplitude  see {@link Seasonality}
 * @param dailyPeakHour   see {@link Seasonality}
 * @param weeklyAmplitude see {@link Seasonality}
 * @param weeklyPeakDay   see {@link Seasonality}
 * @param visitAtJoin     a member's first visit is the moment they join (as in a model fitted
 *                        by {@code loopsim fit}, whose members' observation starts at their first event)
 * @param excitationByGenre α_g for visits whose play was of (dominant) genre g; a visit without a
 *                        play, or of a genre not listed, excites by {@code excitation}
 */
public record SelfExcitingParameters(double excitation, double decayDays, int window, double dailyAmplitude,
                                     double dailyPeakHour, double weeklyAmplitude, double weeklyPeakDay, boolean visitAtJoin,
                                     Map<Integer, Double> excitationByGenre) {

    public static final SelfExcitingParameters DEFAULTS = new SelfExcitingParameters(0.15, 2.0, 10, 0.5, 20, 0.2, 5, false);

    /** One excitation for every visit, whatever it played. */
    public SelfExcitingParameters(double excitation, double decayDays, int window, double dailyAmplitude, double dailyPeakHour,
                                  double weeklyAmplitude, double weeklyPeakDay, boolean visitAtJoin) {
        this(excitation, decayDays, window, dailyAmplitude, dailyPeakHour, weeklyAmplitude, weeklyPeakDay, visitAtJoin, Map.of());
    }

    public SelfExcitingParameters {
        Validate.finite("excitation", excitation);
        excitationByGenre = Map.copyOf(excitationByGenre == null ? Map.of() : excitationByGenre);
        excitationByGenre.forEach((genre, alpha) -> {
            Validate.atLeast("excitation_by_genre genre", genre, 0);
            Validate.finite("excitation_by_genre." + genre, alpha);
        });
        Validate.positive("decayDays", decayDays);
        Validate.atLeast("window", window, 1);
        new Seasonality(dailyAmplitude, dailyPeakHour, weeklyAmplitude, weeklyPeakDay);
    }

    /**
     * What is wrong with {@code excitation_by_genre} in a catalog of {@code genres} genres (a genre
     * it lacks), or null.
     */
    public String genreProblem(int genres) {
        return excitationByGenre.keySet().stream().filter(g -> g >= genres).sorted().findFirst()
                .map(g -> "the catalog has genres 0 to " + (genres - 1) + ", so there is no genre " + g).orElse(null);
    }

    /** α_g per genre up to the largest listed (unlisted ones hold {@code excitation}). */
    public double[] excitationPerGenre() {
        int size = excitationByGenre.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        double[] perGenre = new double[size];
        java.util.Arrays.fill(perGenre, excitation);
        excitationByGenre.forEach((genre, alpha) -> perGenre[genre] = alpha);
        return perGenre;
    }

    public Seasonality seasonality() {
        return new Seasonality(dailyAmplitude, dailyPeakHour, weeklyAmplitude, weeklyPeakDay);
    }
}

package dev.loopsim.users.choice;

import dev.loopsim.core.Validate;

/**
 * Parameters of member response (DESIGN §4).
 *
 * @param qualityWeight       w_q, weight of title quality in true utility
 * @param genreWeight         w_g, weight of the taste–genre match θ_u·g_i
 * @param latentWeight        w_z, weight of the latent match z_u·w_i
 * @param rowDecay            η_row: row r (0-based) is examined with probability η_row^r · η_col^c
 * @param columnDecay         η_col: the same for column c
 * @param noPlayUtility       u_0, utility of playing nothing
 * @param temperature         τ of the multinomial logit
 * @param watchConcentration  κ of the watch-fraction Beta: mean m gives Beta(mκ, (1 − m)κ)
 * @param qualityPlayThreshold a play with ω at or above it is a quality play
 * @param noPlaySatisfaction  s_0, the satisfaction of a visit without a play (usually negative)
 * @param completionDelayDays mean of the exponential delay before a series completion is observed
 * @param artworkWeight       w_a: weight of the artwork theme match ρ_u·h_a in perceived utility
 * @param clickbaitWeight     w_c: the click boost (1 − f_a) of an unfaithful artwork
 * @param disappointmentWeight w_d: how much an unfaithful artwork lowers the watch fraction's mean σ(U − w_d(1 − f_a))
 * @param type                the choice among examined slots, a {@link ResponseModels} name: one logit
 *                            ({@code position-based-logit}), the {@code cascade}, or the {@code position-based-click} model
 * @param examination         Pr(examine) of each slot in reading order, replacing the decays when not empty
 *                            (a fitted click model's); slots past the list are not examined
 * @param watchOffset         β_w, added to the utility in the watch fraction's mean σ(β_w + U − w_d(1 − f_a)):
 *                            0 by default; {@code fit --impressions} fits it on a loopsim log, so that a fitted
 *                            world, whose U is an attraction logit, watches as much as the log did
 */
public record ResponseParameters(double qualityWeight, double genreWeight, double latentWeight,
                                 double rowDecay, double columnDecay, double noPlayUtility, double temperature,
                                 double watchConcentration, double qualityPlayThreshold,
                                 double noPlaySatisfaction, double completionDelayDays, double artworkWeight,
                                 double clickbaitWeight, double disappointmentWeight, String type,
                                 java.util.List<Double> examination, double watchOffset) {

    public static final ResponseParameters DEFAULTS =
            new ResponseParameters(0.5, 3.0, 0.5, 0.7, 0.8, 3.0, 1.0, 4.0, 0.5, -0.3, 3.0, 0.5, 1.0, 2.0, ResponseModels.DEFAULT,
                    java.util.List.of(), 0);

    /** The parameters without a watch offset. */
    public ResponseParameters(double qualityWeight, double genreWeight, double latentWeight, double rowDecay, double columnDecay,
                              double noPlayUtility, double temperature, double watchConcentration, double qualityPlayThreshold,
                              double noPlaySatisfaction, double completionDelayDays, double artworkWeight, double clickbaitWeight,
                              double disappointmentWeight, String type, java.util.List<Double> examination) {
        this(qualityWeight, genreWeight, latentWeight, rowDecay, columnDecay, noPlayUtility, temperature, watchConcentration,
                qualityPlayThreshold, noPlaySatisfaction, completionDelayDays, artworkWeight, clickbaitWeight, disappointmentWeight,
                type, examination, 0);
    }

    public ResponseParameters {
        Validate.finite("qualityWeight", qualityWeight);
        Validate.finite("genreWeight", genreWeight);
        Validate.finite("latentWeight", latentWeight);
        Validate.inRange("rowDecay", rowDecay, 0, 1);
        Validate.inRange("columnDecay", columnDecay, 0, 1);
        Validate.finite("noPlayUtility", noPlayUtility);
        Validate.positive("temperature", temperature);
        Validate.positive("watchConcentration", watchConcentration);
        Validate.inRange("qualityPlayThreshold", qualityPlayThreshold, 0, 1);
        Validate.inRange("noPlaySatisfaction", noPlaySatisfaction, -10, 1);
        Validate.positive("completionDelayDays", completionDelayDays);
        Validate.finite("artworkWeight", artworkWeight);
        Validate.finite("clickbaitWeight", clickbaitWeight);
        Validate.finite("disappointmentWeight", disappointmentWeight);
        Validate.finite("watchOffset", watchOffset);
        if (type == null || ResponseModels.find(type).isEmpty()) {
            throw new dev.loopsim.core.ParameterException("type", "type must be one of " + ResponseModels.names() + ", found "
                    + (type == null ? "nothing" : "'" + type + "'"));
        }
        examination = examination == null ? java.util.List.of() : java.util.List.copyOf(examination);
        for (int slot = 0; slot < examination.size(); slot++) {
            Validate.inRange("examination[" + slot + "]", examination.get(slot), 0, 1);
        }
    }
}

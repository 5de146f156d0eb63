package dev.loopsim.users.choice;

import dev.loopsim.core.model.MemberResponse;
import dev.loopsim.core.model.TrueUtility;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;

/**
 * Position-based examination followed by a multinomial logit over the examined titles and a
 * no-play option; a play's watch fraction is Beta with mean σ(U).
 *
 * <p>Pr(examine slot (r, c)) = η_row^r · η_col^c, independently per slot.
 * Pr(play i | examined set E) = exp(U_i/τ) / (exp(u_0/τ) + Σ_{j∈E} exp(U_j/τ)).
 */
public final class PositionBasedLogit implements MemberResponse {
    private final ResponseParameters parameters;
    private final LinearUtility utility;

    public PositionBasedLogit(ResponseParameters parameters) {
        this.parameters = parameters;
        this.utility = new LinearUtility(parameters.qualityWeight(), parameters.genreWeight(), parameters.latentWeight());
    }

    @Override
    public VisitResponse respond(MemberState member, Page page, Catalog catalog, double day) {
        UniformRandomProvider browse = member.browseStream();
        boolean[] examined = new boolean[page.slots()];
        for (int slot = 0; slot < examined.length; slot++) {
            // One draw per slot, empty or not, so a member's stream advances the same way on any page.
            double u = browse.nextDouble();
            examined[slot] = page.titleAt(slot) >= 0 && u < examinationProbability(page, slot);
        }
        double[] weights = logitWeights(member, page, examined, catalog, day);
        double total = weights[weights.length - 1];
        double pick = browse.nextDouble() * total;
        int played = -1;
        for (int slot = 0; slot < examined.length; slot++) {
            pick -= weights[slot];
            if (pick < 0) {
                played = slot;
                break;
            }
        }
        double playProbability = 1 - weightOfNoPlay(weights) / total;
        if (played < 0) {
            return new VisitResponse(examined, -1, 0, parameters.noPlaySatisfaction(), playProbability, false);
        }
        double u = utility.utility(member, catalog.title(page.titleAt(played)), day);
        double watch = watchFraction(u, member.consumeStream());
        boolean completes = catalog.title(page.titleAt(played)).series()
                && watch >= parameters.qualityPlayThreshold()
                && member.consumeStream().nextDouble() < watch;
        return new VisitResponse(examined, played, watch, watch, playProbability, completes);
    }

    @Override
    public double playProbability(MemberState member, Page page, boolean[] examined, Catalog catalog, double day) {
        double[] weights = logitWeights(member, page, examined, catalog, day);
        return 1 - weightOfNoPlay(weights) / weights[weights.length - 1];
    }

    /** Examination probability η_row^r · η_col^c of a slot. */
    public double examinationProbability(Page page, int slot) {
        int row = slot / page.columns();
        int column = slot % page.columns();
        return Math.pow(parameters.rowDecay(), row) * Math.pow(parameters.columnDecay(), column);
    }

    /**
     * Logit weights of the slots, then of no-play, then their total; shifted by the largest
     * utility so that exp never overflows.
     */
    private double[] logitWeights(MemberState member, Page page, boolean[] examined, Catalog catalog, double day) {
        double tau = parameters.temperature();
        double[] scaled = new double[examined.length];
        double max = parameters.noPlayUtility() / tau;
        for (int slot = 0; slot < examined.length; slot++) {
            if (examined[slot]) {
                scaled[slot] = utility.utility(member, catalog.title(page.titleAt(slot)), day) / tau;
                max = Math.max(max, scaled[slot]);
            }
        }
        double[] weights = new double[examined.length + 2];
        double total = 0;
        for (int slot = 0; slot < examined.length; slot++) {
            if (examined[slot]) {
                weights[slot] = Math.exp(scaled[slot] - max);
                total += weights[slot];
            }
        }
        double noPlay = Math.exp(parameters.noPlayUtility() / tau - max);
        weights[examined.length] = noPlay;
        weights[examined.length + 1] = total + noPlay;
        return weights;
    }

    private static double weightOfNoPlay(double[] weights) {
        return weights[weights.length - 2];
    }

    private double watchFraction(double utilityValue, UniformRandomProvider consume) {
        double mean = 1 / (1 + Math.exp(-utilityValue));
        double kappa = parameters.watchConcentration();
        return ChengBetaSampler.of(consume, mean * kappa, (1 - mean) * kappa).sample();
    }

    @Override
    public TrueUtility utility() {
        return utility;
    }

    @Override
    public double completionDelayDays() {
        return parameters.completionDelayDays();
    }
}

package dev.loopsim.users.choice;

import dev.loopsim.core.model.TrueUtility;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Title;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;

/**
 * What a play turns into: the watch fraction ω ~ Beta(mκ, (1 − m)κ) with m = σ(β_w + U − w_d·(1 − f_a)),
 * lower when the artwork misrepresented the title, and for a series, whether it will be completed
 * (a quality play, then completion with probability ω). Draws only from the member's consume stream.
 */
final class Watching {
    private final ResponseParameters parameters;
    private final TrueUtility utility;

    Watching(ResponseParameters parameters, TrueUtility utility) {
        this.parameters = parameters;
        this.utility = utility;
    }

    /** How much of a play the member watches, and whether a series play will be completed. */
    record Consumption(double watch, boolean completes) { }

    Consumption consume(MemberState member, Title title, int artwork, double day) {
        double unfaithful = 1 - title.artwork(artwork).fidelity();
        double watchUtility = parameters.watchOffset() + utility.utility(member, title, day)
                - parameters.disappointmentWeight() * unfaithful;
        double mean = 1 / (1 + Math.exp(-watchUtility));
        double kappa = parameters.watchConcentration();
        double watch = ChengBetaSampler.of(member.consumeStream(), mean * kappa, (1 - mean) * kappa).sample();
        boolean completes = title.series()
                && watch >= parameters.qualityPlayThreshold()
                && member.consumeStream().nextDouble() < watch;
        return new Consumption(watch, completes);
    }
}

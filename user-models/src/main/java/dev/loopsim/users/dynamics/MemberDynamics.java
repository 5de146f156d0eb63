package dev.loopsim.users.dynamics;

import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Title;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Boredom and taste drift. Boredom per genre jumps by γ_b·g_i on a play of title i and decays
 * exponentially with time constant τ_b; tastes take a multiplicative random walk that stays on
 * the simplex, and, with an exposure weight, move toward the genres of each play. Decay and drift
 * are brought up to date lazily, at the start of each visit.
 */
public final class MemberDynamics {
    private final DynamicsParameters parameters;

    public MemberDynamics(DynamicsParameters parameters) {
        this.parameters = parameters;
    }

    public DynamicsParameters parameters() {
        return parameters;
    }

    /** Decays boredom and drifts taste from the member's last update to {@code day}. */
    public void advance(MemberState member, double day) {
        double last = member.dynamicsDay();
        if (!Double.isNaN(last) && day > last) {
            double elapsed = day - last;
            double keep = Math.exp(-elapsed / parameters.boredomDecayDays());
            double[] boredom = member.boredom();
            for (int g = 0; g < boredom.length; g++) {
                boredom[g] *= keep;
            }
            if (parameters.driftSdPerSqrtDay() > 0) {
                drift(member, parameters.driftSdPerSqrtDay() * Math.sqrt(elapsed));
            }
        }
        member.setDynamicsDay(day);
    }

    private static void drift(MemberState member, double sd) {
        var gaussian = ZigguratSampler.NormalizedGaussian.of(member.dynamicsStream());
        double[] taste = member.taste();
        double total = 0;
        for (int g = 0; g < taste.length; g++) {
            taste[g] *= Math.exp(sd * gaussian.sample());
            total += taste[g];
        }
        for (int g = 0; g < taste.length; g++) {
            taste[g] /= total;
        }
    }

    /** A play of {@code title}: boredom rises in its genres, and the play is remembered. */
    public void afterPlay(MemberState member, Title title, double day) {
        afterPlay(member, title, 0, day);
    }

    /**
     * A play of {@code title} shown with {@code artwork}: boredom rises in its genres, taste moves
     * toward them when exposure shapes it, and the play is remembered.
     */
    public void afterPlay(MemberState member, Title title, int artwork, double day) {
        double[] boredom = member.boredom();
        for (int g = 0; g < boredom.length; g++) {
            boredom[g] += parameters.boredomIncrement() * title.genre(g);
        }
        double w = parameters.exposureWeight();
        if (w > 0) {
            // A mixture of two points of the simplex stays on it.
            double[] taste = member.taste();
            for (int g = 0; g < taste.length; g++) {
                taste[g] = (1 - w) * taste[g] + w * title.genre(g);
            }
        }
        member.recordPlay(title.id(), artwork, day);
    }
}

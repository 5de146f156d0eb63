package dev.loopsim.users.visit;

import dev.loopsim.core.world.MemberState;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Lewis–Shedler/Ogata thinning: propose from a homogeneous process at a bound Λ ≥ λ, accept
 * with probability λ/Λ. The bound is recomputed at each proposal (it may only tighten between
 * visits) and checked: a violated bound is an error, never a silent clip.
 *
 * <p>Both are held at {@link #MOST_PER_DAY}, a visit a minute: a runaway excitation (a fitted or
 * typed α so large that exp(α·Σ s) overflows) then makes a member visit every minute rather
 * than infinitely often, so the run ends, and its visit counts show what happened.
 */
final class Thinning {
    /** The most visits a day any member's intensity reaches. */
    static final double MOST_PER_DAY = 1440;

    private Thinning() { }

    interface Rate {
        double at(MemberState member, double day);
    }

    static double next(Rate intensity, Rate bound, MemberState member, double fromDay, double untilDay) {
        UniformRandomProvider random = member.visitStream();
        double t = fromDay;
        while (true) {
            double limit = Math.min(MOST_PER_DAY, bound.at(member, t));
            if (!(limit > 0)) {
                return Double.POSITIVE_INFINITY; // a zero intensity never fires
            }
            t -= Math.log(1 - random.nextDouble()) / limit;
            if (t >= untilDay) {
                return Double.POSITIVE_INFINITY;
            }
            double lambda = Math.min(MOST_PER_DAY, intensity.at(member, t));
            if (lambda > limit * (1 + 1e-12)) {
                throw new ThinningBoundException(member.id(), t, lambda, limit);
            }
            if (random.nextDouble() * limit < lambda) {
                return t;
            }
        }
    }
}

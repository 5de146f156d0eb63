package dev.loopsim.users.visit;

import dev.loopsim.core.world.MemberState;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Lewis–Shedler/Ogata thinning: propose from a homogeneous process at a bound Λ ≥ λ, accept
 * with probability λ/Λ. The bound is recomputed at each proposal (it may only tighten between
 * visits) and checked: a violated bound is an error, never a silent clip.
 */
final class Thinning {
    private Thinning() { }

    interface Rate {
        double at(MemberState member, double day);
    }

    static double next(Rate intensity, Rate bound, MemberState member, double fromDay, double untilDay) {
        UniformRandomProvider random = member.visitStream();
        double t = fromDay;
        while (true) {
            double limit = bound.at(member, t);
            if (!(limit > 0)) {
                return Double.POSITIVE_INFINITY; // a zero intensity never fires
            }
            t -= Math.log(1 - random.nextDouble()) / limit;
            if (t >= untilDay) {
                return Double.POSITIVE_INFINITY;
            }
            double lambda = intensity.at(member, t);
            if (lambda > limit * (1 + 1e-12)) {
                throw new ThinningBoundException(member.id(), t, lambda, limit);
            }
            if (random.nextDouble() * limit < lambda) {
                return t;
            }
        }
    }
}

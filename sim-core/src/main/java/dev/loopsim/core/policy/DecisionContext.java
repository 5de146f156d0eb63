package dev.loopsim.core.policy;

import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberHistory;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Everything a policy may use to decide for one visit: what a real service observes. The
 * member's true state and utility are not here; only the oracle is given them, when it is built
 * (see {@link dev.loopsim.core.model.WorldTruth}).
 *
 * @param member    the visiting member's observable history
 * @param day       the visit time in days
 * @param catalog   the catalog
 * @param available ids of the titles released by {@code day}, ascending; do not modify
 * @param random    the member's policy stream: the only randomness a policy may use per visit
 */
public record DecisionContext(MemberHistory member, double day, Catalog catalog, int[] available,
                              UniformRandomProvider random) {

    public int memberId() {
        return member.id();
    }

    /** The same decision over other candidate titles. */
    public DecisionContext withAvailable(int[] candidates) {
        return new DecisionContext(member, day, catalog, candidates, random);
    }
}

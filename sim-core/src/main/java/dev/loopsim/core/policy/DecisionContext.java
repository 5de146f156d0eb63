package dev.loopsim.core.policy;

import dev.loopsim.core.model.TrueUtility;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Everything a policy may use to decide for one visit.
 *
 * @param member    the visiting member (policies other than {@code oracle} should read only
 *                  observable things from it: id and history)
 * @param day       the visit time in days
 * @param catalog   the catalog
 * @param available ids of the titles released by {@code day}, ascending; do not modify
 * @param random    the member's policy stream: the only randomness a policy may use per visit
 * @param truth     the world's true utility; only the {@code oracle} policy may look
 */
public record DecisionContext(MemberState member, double day, Catalog catalog, int[] available,
                              UniformRandomProvider random, TrueUtility truth) {

    public int memberId() {
        return member.id();
    }
}

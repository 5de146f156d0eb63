package dev.loopsim.core.model;

import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Title;

/**
 * The true utility U of a title for a member at a time: what the member would get from it,
 * before artwork or noise. Only the world and the {@code oracle} policy may see it.
 */
@FunctionalInterface
public interface TrueUtility {
    double utility(MemberState member, Title title, double day);
}

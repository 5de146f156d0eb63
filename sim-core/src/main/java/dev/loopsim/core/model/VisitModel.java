package dev.loopsim.core.model;

import dev.loopsim.core.world.MemberState;

/**
 * The process of a member's visits: an intensity λ_u(t) in visits per day that may depend on
 * the member's recent visits, and a sampler of the next visit time.
 */
public interface VisitModel {

    /** λ_u(t) in visits per day, given the member's history up to (not after) {@code day}. */
    double intensity(MemberState member, double day);

    /**
     * The first visit strictly after {@code fromDay} and before {@code untilDay}, or
     * {@link Double#POSITIVE_INFINITY} when there is none, drawn from the member's visit stream.
     */
    double nextVisitDay(MemberState member, double fromDay, double untilDay);

    /**
     * The member's first visit after joining on {@code joinDay}: by default drawn like any
     * other; a model fitted to logs that start at each member's first event may instead
     * place it at the join itself.
     */
    default double firstVisitDay(MemberState member, double joinDay, double untilDay) {
        return nextVisitDay(member, joinDay, untilDay);
    }

    /**
     * The day the member churns if their next visit is at {@code nextVisitDay} (which may be
     * +∞), or +∞ if they do not churn before it. Visit models without churn never churn.
     */
    default double churnDay(MemberState member, double fromDay, double nextVisitDay, double untilDay) {
        return Double.POSITIVE_INFINITY;
    }

    /** How many recent visits the intensity depends on (the member's history capacity). */
    int historyCapacity();
}

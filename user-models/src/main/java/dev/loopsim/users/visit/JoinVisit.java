package dev.loopsim.users.visit;

import dev.loopsim.core.model.VisitModel;
import dev.loopsim.core.world.MemberState;

/** The first visit of a member who joins: the join itself when the model says so, else drawn like any other. */
final class JoinVisit {
    private JoinVisit() { }

    static double firstVisitDay(boolean atJoin, VisitModel model, MemberState member, double joinDay, double untilDay) {
        if (atJoin) {
            return joinDay < untilDay ? joinDay : Double.POSITIVE_INFINITY;
        }
        return model.nextVisitDay(member, joinDay, untilDay);
    }
}

package dev.loopsim.core.model;

import dev.loopsim.core.world.MemberHistory;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Title;
import java.util.List;

/**
 * The world's true utility, for the members of the simulation now running on it. Only a policy
 * that declares it sees the truth (the oracle) is given this; every other policy decides from its
 * {@link dev.loopsim.core.policy.DecisionContext} alone, which carries what a real service observes.
 */
public final class WorldTruth {
    private final TrueUtility utility;
    private MemberState[] members;

    public WorldTruth(TrueUtility utility) {
        this.utility = utility;
    }

    /**
     * The simulation about to run lends its members' true states, until {@link #release}. A world
     * runs one simulation at a time, so a second bind before the release is an error.
     */
    public synchronized void bind(List<MemberState> states) {
        if (members != null) {
            throw new IllegalStateException("this world's truth is already serving a running simulation");
        }
        int size = states.stream().mapToInt(MemberState::id).max().orElse(-1) + 1;
        MemberState[] byId = new MemberState[size];
        states.forEach(m -> byId[m.id()] = m);
        members = byId;
    }

    public synchronized void release() {
        members = null;
    }

    /** The member's true utility of a title at a time; the member must belong to the running simulation. */
    public double utility(MemberHistory member, Title title, double day) {
        MemberState[] states = members;
        if (states == null || member.id() >= states.length || states[member.id()] == null) {
            throw new IllegalStateException("member " + member.id() + " is not in a simulation running on this world");
        }
        return utility.utility(states[member.id()], title, day);
    }
}

package dev.loopsim.core.clock;

/**
 * The happenings of a simulation (DESIGN §3). The order of the constants is the order in
 * which events at the same instant run.
 *
 * <p>{@link #VISIT} and {@link #REWARD} are member events: each member's run in time order
 * inside its shard between two global events. The others are global events on the clock.
 */
public enum EventKind {
    /** A new title becomes available. */
    ITEM_RELEASE,
    /** A new member joins and starts visiting. */
    USER_JOIN,
    /** A member visits: a page is built, browsed, and the next visit is drawn. */
    VISIT,
    /** A delayed outcome (a series completion) is observed. */
    REWARD,
    /** Learners receive the feedback gathered since the last update. */
    POLICY_UPDATE,
    /** Batch recommenders refit on the logs so far. */
    RETRAIN,
    /** Daily metrics are taken. */
    SNAPSHOT,
    /** The horizon: the last members' events run and the run ends. */
    END;

    /** The ordering of this kind among events at the same instant: the declaration order, by design. */
    @SuppressWarnings("EnumOrdinal")
    public int ordering() {
        return ordinal();
    }
}

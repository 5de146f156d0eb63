package dev.loopsim.core.clock;

/**
 * The schedule of global events in continuous time (days). Events at the same instant run in
 * the order of their {@link EventKind}.
 */
public interface Clock {

    /** Schedules an action at {@code day}; {@code day} must not be in the past. */
    void schedule(double day, EventKind kind, Runnable action);

    /** Runs every scheduled event, including those the running ones schedule, in time order. */
    void run();

    /** The time of the event being run, in days. */
    double now();
}

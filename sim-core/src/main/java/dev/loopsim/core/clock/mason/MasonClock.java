package dev.loopsim.core.clock.mason;

import dev.loopsim.core.clock.Clock;
import dev.loopsim.core.clock.EventKind;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A {@link Clock} on MASON's {@link Schedule}. MASON breaks ties among events with the same
 * time and ordering with its own generator, which is seeded here from a derived stream so that
 * even that is reproducible.
 */
public final class MasonClock implements Clock {
    private final SimState state;

    public MasonClock(long tieBreakSeed) {
        this.state = new SimState(tieBreakSeed);
        state.start();
    }

    @Override
    public void schedule(double day, EventKind kind, Runnable action) {
        if (!(day >= 0) || Double.isInfinite(day)) {
            throw new IllegalArgumentException("event time must be finite and >= 0, found " + day);
        }
        if (day < now()) {
            throw new IllegalStateException("cannot schedule a " + kind + " event at day " + day
                    + ": the clock is already at day " + now());
        }
        Steppable step = simState -> action.run();
        if (!state.schedule.scheduleOnce(day, kind.ordering(), step)) {
            throw new IllegalStateException("MASON refused a " + kind + " event at day " + day
                    + " (now " + state.schedule.getTime() + ")");
        }
    }

    @Override
    public void run() {
        try {
            while (state.schedule.step(state)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("simulation interrupted at day " + now());
                }
            }
        } finally {
            state.finish();
        }
    }

    @Override
    public double now() {
        double time = state.schedule.getTime();
        return time < Schedule.EPOCH ? 0 : time;
    }
}

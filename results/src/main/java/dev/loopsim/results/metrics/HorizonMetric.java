package dev.loopsim.results.metrics;

import java.util.function.ToDoubleFunction;

/**
 * A metric that needs no tally of its own: a function of what is known at the horizon, the
 * members' joins and churns or the daily counts.
 */
public final class HorizonMetric extends DefinedMetric<HorizonMetric.Nothing> {
    private final ToDoubleFunction<RunEnd> value;

    public HorizonMetric(String name, String definition, boolean higherIsBetter, ToDoubleFunction<RunEnd> value) {
        super(name, definition, higherIsBetter);
        this.value = value;
    }

    /** An empty tally: the metric counts nothing as the run goes. */
    public static final class Nothing implements Tally<Nothing> {
        @Override
        public void combine(Nothing other) { }
    }

    private static final Nothing NOTHING = new Nothing();

    @Override
    public Nothing newTally(RunShape run) {
        return NOTHING;
    }

    @Override
    public double value(Nothing tally, RunEnd end) {
        return value.applyAsDouble(end);
    }
}

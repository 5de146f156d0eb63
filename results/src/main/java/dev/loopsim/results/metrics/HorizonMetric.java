package dev.loopsim.results.metrics;

import java.util.function.ToDoubleFunction;

/**
 * A metric that needs no tally of its own: a function of what is known at the horizon, the
 * members' joins and churns or the daily counts.
 */
public final class HorizonMetric implements Metric<HorizonMetric.Nothing> {
    private final String name;
    private final String definition;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<RunEnd> value;

    public HorizonMetric(String name, String definition, boolean higherIsBetter, ToDoubleFunction<RunEnd> value) {
        this.name = name;
        this.definition = definition;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    /** An empty tally: the metric counts nothing as the run goes. */
    public static final class Nothing implements Tally<Nothing> {
        @Override
        public void combine(Nothing other) { }
    }

    private static final Nothing NOTHING = new Nothing();

    @Override
    public String name() {
        return name;
    }

    @Override
    public String definition() {
        return definition;
    }

    @Override
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    @Override
    public Nothing newTally(RunShape run) {
        return NOTHING;
    }

    @Override
    public double value(Nothing tally, RunEnd end) {
        return value.applyAsDouble(end);
    }
}

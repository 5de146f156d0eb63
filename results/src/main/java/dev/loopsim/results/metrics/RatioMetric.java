package dev.loopsim.results.metrics;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A metric that is a sum over visits divided by another sum over visits, such as plays per
 * impression: most metrics that need only the visits themselves. A new one is a registry line.
 */
public final class RatioMetric extends DefinedMetric<RatioMetric.Sums> {
    private final ToDoubleFunction<VisitEvent> numerator;
    private final ToDoubleFunction<VisitEvent> denominator;
    private final boolean daily;

    /** A run-level ratio. */
    public RatioMetric(String name, String definition, boolean higherIsBetter, ToDoubleFunction<VisitEvent> numerator,
                       ToDoubleFunction<VisitEvent> denominator) {
        this(name, definition, higherIsBetter, numerator, denominator, false);
    }

    /** @param daily whether the ratio of each day is a column of daily.csv too */
    public RatioMetric(String name, String definition, boolean higherIsBetter, ToDoubleFunction<VisitEvent> numerator,
                       ToDoubleFunction<VisitEvent> denominator, boolean daily) {
        super(name, definition, higherIsBetter);
        this.daily = daily;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The two sums. Counts are summed as doubles, which is exact below 2^53. */
    public static final class Sums implements Tally<Sums> {
        private final RatioMetric metric;
        double numerator;
        double denominator;

        Sums(RatioMetric metric) {
            this.metric = metric;
        }

        @Override
        public void visit(VisitEvent visit) {
            numerator += metric.numerator.applyAsDouble(visit);
            denominator += metric.denominator.applyAsDouble(visit);
        }

        @Override
        public void combine(Sums other) {
            numerator += other.numerator;
            denominator += other.denominator;
        }
    }

    @Override
    public Sums newTally(RunShape run) {
        return new Sums(this);
    }

    @Override
    public double value(Sums tally, RunEnd end) {
        return valueOf(tally);
    }

    private double valueOf(Sums tally) {
        return tally.denominator == 0 ? Double.NaN : tally.numerator / tally.denominator;
    }

    @Override
    public Optional<ToDoubleFunction<Sums>> perDay() {
        return daily ? Optional.of(this::valueOf) : Optional.empty();
    }
}

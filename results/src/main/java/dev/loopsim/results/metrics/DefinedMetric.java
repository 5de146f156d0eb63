package dev.loopsim.results.metrics;

/** A metric's name, meaning and direction, held once for the metric classes of this package. */
abstract class DefinedMetric<T extends Tally<T>> implements Metric<T> {
    private final String name;
    private final String definition;
    private final boolean higherIsBetter;

    DefinedMetric(String name, String definition, boolean higherIsBetter) {
        this.name = name;
        this.definition = definition;
        this.higherIsBetter = higherIsBetter;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String definition() {
        return definition;
    }

    @Override
    public final boolean higherIsBetter() {
        return higherIsBetter;
    }
}

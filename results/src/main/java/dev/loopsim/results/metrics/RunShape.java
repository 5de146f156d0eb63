package dev.loopsim.results.metrics;

import dev.loopsim.core.world.Catalog;

/**
 * What a tally may know of its run before it starts: the catalog, the horizon and the options.
 *
 * @param lesserKnown by title id, whether the title's popularity prior is below the catalog's median
 */
public record RunShape(Catalog catalog, double horizonDays, MetricOptions options, boolean[] lesserKnown) {

    public RunShape(Catalog catalog, double horizonDays, MetricOptions options) {
        this(catalog, horizonDays, options, lesserKnown(catalog));
    }

    private static boolean[] lesserKnown(Catalog catalog) {
        double[] priors = catalog.titles().stream().mapToDouble(t -> t.popularityPrior()).sorted().toArray();
        double median = priors.length == 0 ? 0 : priors[priors.length / 2];
        boolean[] tail = new boolean[catalog.size()];
        for (var t : catalog.titles()) {
            tail[t.id()] = t.popularityPrior() < median;
        }
        return tail;
    }

    /** Titles released before the horizon. */
    public int releasedTitles() {
        return (int) catalog.titles().stream().filter(title -> title.releaseDay() < horizonDays).count();
    }
}

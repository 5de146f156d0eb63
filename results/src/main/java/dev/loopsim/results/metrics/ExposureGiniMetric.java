package dev.loopsim.results.metrics;

import dev.loopsim.core.world.Title;

/** How unequally impressions spread over the titles released by the horizon. */
public final class ExposureGiniMetric extends DefinedMetric<ExposureGiniMetric.Impressions> {

    public static final class Impressions implements Tally<Impressions> {
        final long[] byTitle;

        Impressions(int titles) {
            byTitle = new long[titles];
        }

        @Override
        public void visit(VisitEvent visit) {
            if (visit.isPage()) {
                var page = visit.page();
                for (int slot = 0; slot < page.slots(); slot++) {
                    int title = page.titleAt(slot);
                    if (title >= 0) {
                        byTitle[title]++;
                    }
                }
            }
        }

        @Override
        public void combine(Impressions other) {
            for (int t = 0; t < byTitle.length; t++) {
                byTitle[t] += other.byTitle[t];
            }
        }
    }

    public ExposureGiniMetric() {
        super(Metrics.EXPOSURE_GINI,
                "Gini coefficient of impressions across the titles released by the horizon: 0 when every title is "
                + "shown equally, near 1 when a few take all the exposure", false);
    }

    @Override
    public Impressions newTally(RunShape run) {
        return new Impressions(run.catalog().size());
    }

    @Override
    public double value(Impressions tally, RunEnd end) {
        long[] released = end.run().catalog().titles().stream().filter(t -> t.releaseDay() < end.horizonDays())
                .mapToLong((Title t) -> tally.byTitle[t.id()]).toArray();
        return Exposure.gini(released);
    }
}

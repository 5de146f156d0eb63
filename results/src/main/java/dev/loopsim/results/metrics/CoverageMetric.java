package dev.loopsim.results.metrics;

import java.util.BitSet;

/** The share of the titles released by the horizon that something happened to at least once. */
public final class CoverageMetric extends DefinedMetric<CoverageMetric.Titles> {
    private final boolean byPlays;

    /** @param byPlays count titles played; otherwise titles shown */
    public CoverageMetric(String name, String definition, boolean byPlays) {
        super(name, definition, true);
        this.byPlays = byPlays;
    }

    public static final class Titles implements Tally<Titles> {
        private final boolean byPlays;
        final BitSet titles = new BitSet();

        Titles(boolean byPlays) {
            this.byPlays = byPlays;
        }

        @Override
        public void visit(VisitEvent visit) {
            if (byPlays) {
                if (visit.played()) {
                    titles.set(visit.playedTitle());
                }
            } else if (visit.isPage()) {
                var page = visit.page();
                for (int slot = 0; slot < page.slots(); slot++) {
                    int title = page.titleAt(slot);
                    if (title >= 0) {
                        titles.set(title);
                    }
                }
            }
        }

        @Override
        public void combine(Titles other) {
            titles.or(other.titles);
        }
    }

    @Override
    public Titles newTally(RunShape run) {
        return new Titles(byPlays);
    }

    @Override
    public double value(Titles tally, RunEnd end) {
        int released = end.run().releasedTitles();
        return released == 0 ? Double.NaN : (double) tally.titles.cardinality() / released;
    }
}

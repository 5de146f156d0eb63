package dev.loopsim.results.metrics;

import dev.loopsim.core.world.Title;
import java.util.Arrays;

/**
 * Restricted mean time from release to first play over titles released during the run: a title
 * never played counts as played at the horizon, so the mean is defined (and a lower bound) even
 * when some titles are never played. NaN without new titles.
 */
public final class DaysToFirstPlayMetric extends DefinedMetric<DaysToFirstPlayMetric.FirstPlays> {

    public static final class FirstPlays implements Tally<FirstPlays> {
        final double[] day;

        FirstPlays(int titles) {
            day = new double[titles];
            Arrays.fill(day, Double.POSITIVE_INFINITY);
        }

        @Override
        public void visit(VisitEvent visit) {
            if (visit.played()) {
                day[visit.playedTitle()] = Math.min(day[visit.playedTitle()], visit.day());
            }
        }

        @Override
        public void combine(FirstPlays other) {
            for (int t = 0; t < day.length; t++) {
                day[t] = Math.min(day[t], other.day[t]);
            }
        }
    }

    public DaysToFirstPlayMetric() {
        super(Metrics.NEW_TITLE_DAYS_TO_FIRST_PLAY,
                "over titles released during the run: mean days from release to first play, a title never played "
                + "counting as played at the horizon. This restricted mean is a lower bound, defined even when some "
                + "titles are never played; n/a without new titles", false);
    }

    @Override
    public FirstPlays newTally(RunShape run) {
        return new FirstPlays(run.catalog().size());
    }

    @Override
    public double value(FirstPlays tally, RunEnd end) {
        double horizon = end.horizonDays();
        double total = 0;
        int count = 0;
        for (Title title : end.run().catalog().titles()) {
            if (title.releaseDay() > 0 && title.releaseDay() < horizon) {
                total += Math.min(horizon, tally.day[title.id()]) - title.releaseDay();
                count++;
            }
        }
        return count == 0 ? Double.NaN : total / count;
    }
}

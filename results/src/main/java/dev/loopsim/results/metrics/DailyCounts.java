package dev.loopsim.results.metrics;

import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import java.util.BitSet;

/** The counts of {@link DailyRow}, for one shard's day or several merged. */
final class DailyCounts implements Tally<DailyCounts> {
    private final Catalog catalog;
    private final double qualityThreshold;
    final BitSet active = new BitSet();
    final long[] genrePlays;
    long visits;
    long impressions;
    long plays;
    long qualityPlays;
    long completions;

    DailyCounts(RunShape run) {
        this.catalog = run.catalog();
        this.qualityThreshold = run.options().qualityThreshold();
        this.genrePlays = new long[run.catalog().genreCount()];
    }

    @Override
    public void visit(VisitEvent visit) {
        visits++;
        active.set(visit.member().id());
        impressions += visit.shown();
        if (visit.played()) {
            plays++;
            genrePlays[catalog.title(visit.playedTitle()).dominantGenre()]++;
            qualityPlays += visit.watchFraction() >= qualityThreshold ? 1 : 0;
        }
    }

    @Override
    public void reward(MemberState member, RewardFeedback reward) {
        completions++;
    }

    @Override
    public void combine(DailyCounts other) {
        active.or(other.active);
        for (int g = 0; g < genrePlays.length; g++) {
            genrePlays[g] += other.genrePlays[g];
        }
        visits += other.visits;
        impressions += other.impressions;
        plays += other.plays;
        qualityPlays += other.qualityPlays;
        completions += other.completions;
    }
}

package dev.loopsim.results.metrics;

import java.util.BitSet;
import java.util.List;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;

/** Counts of one shard: the current day's, and the run's so far. Touched by one thread only. */
final class ShardTally implements ShardObserver {
    private final double qualityThreshold;
    private final List<Integer> retentionDays;
    final BitSet impressedTitles = new BitSet();
    final BitSet playedTitles = new BitSet();
    final BitSet[] retained;
    final BitSet activeToday = new BitSet();
    long visits;
    long impressions;
    long plays;
    long qualityPlays;
    long completions;
    double enjoymentSum;
    double regretSum;

    ShardTally(double qualityThreshold, List<Integer> retentionDays) {
        this.qualityThreshold = qualityThreshold;
        this.retentionDays = retentionDays;
        this.retained = new BitSet[retentionDays.size()];
        for (int i = 0; i < retained.length; i++) {
            retained[i] = new BitSet();
        }
    }

    @Override
    public void visit(MemberState member, double day, Page page, VisitResponse response, double oraclePlayProbability) {
        visits++;
        activeToday.set(member.id());
        for (int slot = 0; slot < page.slots(); slot++) {
            int title = page.titleAt(slot);
            if (title >= 0) {
                impressions++;
                impressedTitles.set(title);
            }
        }
        if (response.played()) {
            plays++;
            playedTitles.set(page.titleAt(response.playedSlot()));
            enjoymentSum += response.watchFraction();
            if (response.watchFraction() >= qualityThreshold) {
                qualityPlays++;
            }
        }
        regretSum += oraclePlayProbability - response.playProbability();
        double sinceJoin = day - member.profile().joinDay();
        for (int i = 0; i < retained.length; i++) {
            int d = retentionDays.get(i);
            if (sinceJoin >= d - 7 && sinceJoin < d) {
                retained[i].set(member.id());
            }
        }
    }

    @Override
    public void reward(MemberState member, RewardFeedback reward) {
        completions++;
    }
}

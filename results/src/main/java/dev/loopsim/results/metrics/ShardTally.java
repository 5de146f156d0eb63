package dev.loopsim.results.metrics;

import java.util.Arrays;
import java.util.BitSet;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;

/** Counts of one shard, cumulative over the run. Touched by one thread only. */
final class ShardTally implements ShardObserver {
    private final MetricOptions options;
    private final int[] dominantGenre;
    private final Catalog catalog;
    final BitSet impressedTitles = new BitSet();
    final BitSet playedTitles = new BitSet();
    final double[] firstPlayDay;
    final BitSet[] retained;
    final BitSet activeToday = new BitSet();
    final long[] genrePlays;
    long visits;
    long searchVisits;
    long impressions;
    long plays;
    long searchPlays;
    long qualityPlays;
    long completions;
    double enjoymentSum;
    double fidelitySum;
    final long[] impressionsByTitle;
    /** Whether a title is lesser-known: its popularity prior below the catalog's median. */
    private final boolean[] tail;
    long tailImpressions;
    long tailPlays;
    /** Per member, the distinct titles played: {count, title, title, …}, grown by doubling. */
    final java.util.Map<Integer, int[]> consumed = new java.util.HashMap<>();
    double diversitySum;
    double calibrationSum;
    long calibratedVisits;
    double regretSum;

    /** Plays in the first {@link Metrics#WINDOW_DAYS} days of the run. */
    long earlyPlays;
    /** Members who joined before the last window and visited in it. */
    final BitSet activeInLastWindow = new BitSet();
    private final double horizon;

    ShardTally(Catalog catalog, MetricOptions options, double horizon) {
        this.options = options;
        this.horizon = horizon;
        this.catalog = catalog;
        this.dominantGenre = catalog.titles().stream().mapToInt(t -> t.dominantGenre()).toArray();
        this.firstPlayDay = new double[catalog.size()];
        Arrays.fill(firstPlayDay, Double.POSITIVE_INFINITY);
        this.genrePlays = new long[catalog.genreCount()];
        this.impressionsByTitle = new long[catalog.size()];
        double[] priors = catalog.titles().stream().mapToDouble(t -> t.popularityPrior()).sorted().toArray();
        double median = priors.length == 0 ? 0 : priors[priors.length / 2];
        this.tail = new boolean[catalog.size()];
        for (var t : catalog.titles()) {
            tail[t.id()] = t.popularityPrior() < median;
        }
        this.retained = new BitSet[options.retentionDays().size()];
        for (int i = 0; i < retained.length; i++) {
            retained[i] = new BitSet();
        }
    }

    @Override
    public void visit(MemberState member, double day, Page page, VisitResponse response, double oraclePlayProbability) {
        int genres = catalog.genreCount();
        double[] shownSum = new double[genres];
        double shownSquares = 0;
        int shown = 0;
        for (int slot = 0; slot < page.slots(); slot++) {
            int title = page.titleAt(slot);
            if (title >= 0) {
                impressions++;
                tailImpressions += tail[title] ? 1 : 0;
                impressedTitles.set(title);
                impressionsByTitle[title]++;
                var t = catalog.title(title);
                for (int g = 0; g < genres; g++) {
                    double share = t.genre(g);
                    shownSum[g] += share;
                    shownSquares += share * share;
                }
                shown++;
            }
        }
        diversitySum += Exposure.intraListDiversity(shownSum, shownSquares, shown);
        // The member's plays were recorded before observers run: leave this visit's own play out of the history.
        int skip = response.played() ? 1 : 0;
        if (member.recentPlayCount() > skip && shown > 0) {
            for (int g = 0; g < genres; g++) {
                shownSum[g] /= shown;
            }
            calibrationSum += Exposure.calibration(historyGenres(member, skip), shownSum);
            calibratedVisits++;
        }
        if (response.played()) {
            int title = page.titleAt(response.playedSlot());
            countPlay(member, day, title, response.watchFraction());
            tailPlays += tail[title] ? 1 : 0;
            fidelitySum += catalog.title(title).artwork(page.artworkAt(response.playedSlot())).fidelity();
        }
        regretSum += oraclePlayProbability - response.playProbability();
        countVisit(member, day);
    }

    /** A search visit: a visit and maybe a play, but no page, so no impressions, page metrics or regret. */
    @Override
    public void search(MemberState member, double day, SearchResponse response) {
        searchVisits++;
        if (response.played()) {
            searchPlays++;
            countPlay(member, day, response.title(), response.watchFraction());
        }
        countVisit(member, day);
    }

    private void countPlay(MemberState member, double day, int title, double watchFraction) {
        plays++;
        earlyPlays += day < Metrics.WINDOW_DAYS ? 1 : 0;
        playedTitles.set(title);
        firstPlayDay[title] = Math.min(firstPlayDay[title], day);
        remember(member.id(), title);
        genrePlays[dominantGenre[title]]++;
        enjoymentSum += watchFraction;
        if (watchFraction >= options.qualityThreshold()) {
            qualityPlays++;
        }
    }

    /** What every visit counts, page or search: the visit, the member's activity, retention windows. */
    private void countVisit(MemberState member, double day) {
        visits++;
        activeToday.set(member.id());
        if (day >= horizon - Metrics.WINDOW_DAYS && member.profile().joinDay() < horizon - Metrics.WINDOW_DAYS) {
            activeInLastWindow.set(member.id());
        }
        double sinceJoin = day - member.profile().joinDay();
        for (int i = 0; i < retained.length; i++) {
            int d = options.retentionDays().get(i);
            if (sinceJoin >= d - 7 && sinceJoin < d) {
                retained[i].set(member.id());
            }
        }
    }

    private void remember(int memberId, int title) {
        int[] set = consumed.get(memberId);
        if (set == null) {
            consumed.put(memberId, new int[] {1, title, 0, 0});
            return;
        }
        for (int i = 1; i <= set[0]; i++) {
            if (set[i] == title) {
                return;
            }
        }
        if (set[0] + 1 == set.length) {
            set = Arrays.copyOf(set, set.length * 2);
            consumed.put(memberId, set);
        }
        set[++set[0]] = title;
    }

    /** The distinct titles a member played, sorted; empty if none. */
    int[] consumedBy(int memberId) {
        int[] set = consumed.get(memberId);
        if (set == null) {
            return new int[0];
        }
        int[] titles = Arrays.copyOfRange(set, 1, set[0] + 1);
        Arrays.sort(titles);
        return titles;
    }

    /** The genre distribution of the member's remembered plays, leaving out the {@code skip} latest. */
    private double[] historyGenres(MemberState member, int skip) {
        double[] history = new double[catalog.genreCount()];
        int n = member.recentPlayCount() - skip;
        for (int k = skip; k < member.recentPlayCount(); k++) {
            var title = catalog.title(member.recentPlayTitle(k));
            for (int g = 0; g < history.length; g++) {
                history[g] += title.genre(g) / n;
            }
        }
        return history;
    }

    @Override
    public void reward(MemberState member, RewardFeedback reward) {
        completions++;
    }
}

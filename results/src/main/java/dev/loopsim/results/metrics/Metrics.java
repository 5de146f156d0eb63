package dev.loopsim.results.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.loopsim.core.world.MemberState;

/** The run-level metrics of a member world: their names and the registry ({@link #forRun}). */
public final class Metrics {
    public static final String TAKE_FRACTION = "take_fraction";
    public static final String HEAD_TAKE_FRACTION = "head_take_fraction";
    public static final String TAIL_TAKE_FRACTION = "tail_take_fraction";
    public static final String TAIL_PLAY_SHARE = "tail_play_share";
    public static final String PLAYS_PER_VISIT = "plays_per_visit";
    public static final String PLAYS_PER_MEMBER = "plays_per_member";
    /** The short and long windows of plays_per_member_first_28d and active_last_28d. */
    public static final double WINDOW_DAYS = 28;
    public static final String PLAYS_PER_MEMBER_FIRST_28D = "plays_per_member_first_28d";
    public static final String ACTIVE_LAST_28D = "active_last_28d";
    public static final String VISITS_PER_MEMBER_WEEK = "visits_per_member_week";
    public static final String ENJOYMENT_PER_PLAY = "enjoyment_per_play";
    public static final String QUALITY_PLAY_SHARE = "quality_play_share";
    public static final String COMPLETIONS_PER_MEMBER = "completions_per_member";
    public static final String PLAY_ARTWORK_FIDELITY = "play_artwork_fidelity";
    public static final String EXPECTED_REGRET_PER_VISIT = "expected_regret_per_visit";
    public static final String SEARCH_PLAY_SHARE = "search_play_share";
    public static final String CATALOG_COVERAGE = "catalog_coverage";
    public static final String PLAY_COVERAGE = "play_coverage";
    public static final String CHURN_RATE = "churn_rate";
    public static final String EXPOSURE_GINI = "exposure_gini";
    public static final String INTRA_LIST_DIVERSITY = "intra_list_diversity";
    public static final String CALIBRATION = "calibration";
    public static final String HOMOGENIZATION = "homogenization";
    public static final String HOMOGENIZATION_VS_ORACLE = "homogenization_vs_oracle";
    public static final String QUALITY_PLAYS_PER_MEMBER = "quality_plays_per_member";
    public static final String PAGE_PLAYS_PER_VISIT = "page_plays_per_visit";
    public static final String QUALITY_PLAYS_VS_BEST = "quality_plays_vs_best";
    public static final String NEW_TITLE_DAYS_TO_FIRST_PLAY = "new_title_days_to_first_play";
    public static final String OSCILLATION_INDEX = "oscillation_index";
    public static final String RETENTION_PREFIX = "retention_d";
    public static final String TASTE_NARROWING = "taste_narrowing";
    public static final String NEW_MEMBER_RETENTION_PREFIX = "new_member_retention_d";

    /**
     * The registry: every run-level metric of a member world, in the order of summaries and
     * runs.csv. A new metric is one line here (and, unless it is a ratio over visits or a
     * function of the horizon, one class of its own).
     */
    public static List<Metric<?>> forRun(MetricOptions options) {
        List<Metric<?>> all = new ArrayList<>();
        all.add(new RatioMetric(TAKE_FRACTION, "plays from pages / impressions, where an impression is a filled slot "
                + "of a page shown", true, v -> v.isPage() && v.played() ? 1 : 0, VisitEvent::shown, true));
        all.add(new RatioMetric(HEAD_TAKE_FRACTION, "take_fraction over the better-known half of the catalog (popularity "
                + "prior at or above the median)", true,
                v -> v.isPage() && v.played() && !v.run().lesserKnown()[v.playedTitle()] ? 1 : 0,
                v -> v.shown() - v.shownLesserKnown()));
        all.add(new RatioMetric(TAIL_TAKE_FRACTION, "take_fraction over the lesser-known half of the catalog (popularity "
                + "prior below the median)", true,
                v -> v.isPage() && v.played() && v.run().lesserKnown()[v.playedTitle()] ? 1 : 0, VisitEvent::shownLesserKnown));
        all.add(new RatioMetric(TAIL_PLAY_SHARE, "plays (from pages and search) of lesser-known titles / all plays: "
                + "the long tail's share of what members watch", true,
                v -> v.played() && v.run().lesserKnown()[v.playedTitle()] ? 1 : 0, v -> v.played() ? 1 : 0));
        all.add(new RatioMetric(PLAYS_PER_VISIT, "plays (from pages and search) / visits (at most one play per visit)",
                true, v -> v.played() ? 1 : 0, v -> 1, true));
        all.add(new RatioMetric(PAGE_PLAYS_PER_VISIT, "plays from pages / visits that showed a page with a title: a "
                + "page's value, Σ over its slots of their plays (take_fraction on a one-title page)", true,
                v -> v.isPage() && v.played() ? 1 : 0, v -> v.isPage() && v.shown() > 0 ? 1 : 0));
        all.add(new EventsPerMemberMetric(PLAYS_PER_MEMBER, "plays / members who joined before the horizon",
                v -> v.played() ? 1 : 0, 0, RunEnd::present));
        all.add(new EventsPerMemberMetric(PLAYS_PER_MEMBER_FIRST_28D, "plays in the first 28 days / members who joined "
                + "before day 28: the short term an A/B test sees", v -> v.played() && v.day() < WINDOW_DAYS ? 1 : 0, 0,
                end -> end.members().stream().filter(m -> m.profile().joinDay() < WINDOW_DAYS
                        && m.profile().joinDay() < end.horizonDays()).count()));
        all.add(new MemberSetMetric(ACTIVE_LAST_28D, "share of members who joined more than 28 days before the horizon "
                + "and visited in its last 28 days: 28-day retention at the end of the run",
                v -> v.day() >= v.run().horizonDays() - WINDOW_DAYS
                        && v.member().profile().joinDay() < v.run().horizonDays() - WINDOW_DAYS,
                (m, end) -> m.profile().joinDay() < end.horizonDays() - WINDOW_DAYS));
        all.add(new EventsPerMemberMetric(VISITS_PER_MEMBER_WEEK, "visits / (member-days present / 7); a member is "
                + "present from joining to the horizon or their churn", v -> 1, 0, end -> memberDays(end) / 7));
        all.add(new RatioMetric(ENJOYMENT_PER_PLAY, "mean watch fraction ω of plays", true,
                v -> v.played() ? v.watchFraction() : 0, v -> v.played() ? 1 : 0, true));
        all.add(new RatioMetric(QUALITY_PLAY_SHARE, "share of plays with ω ≥ metrics.quality_play_threshold", true,
                v -> v.played() && v.watchFraction() >= v.run().options().qualityThreshold() ? 1 : 0,
                v -> v.played() ? 1 : 0));
        all.add(new EventsPerMemberMetric(QUALITY_PLAYS_PER_MEMBER, "plays with ω ≥ metrics.quality_play_threshold / "
                + "members who joined before the horizon: the long-term value a policy builds, which the per-visit oracle "
                + "does not maximise", v -> v.played() && v.watchFraction() >= v.run().options().qualityThreshold() ? 1 : 0, 0,
                RunEnd::present));
        all.add(new RatioMetric(PLAY_ARTWORK_FIDELITY, "mean fidelity of the artwork each play was clicked on; low means "
                + "plays bought with clickbait", true, Metrics::playedArtworkFidelity, v -> v.isPage() && v.played() ? 1 : 0));
        all.add(new RatioMetric(SEARCH_PLAY_SHARE, "plays from search (world.search) / all plays: the open-loop share",
                false, v -> v.isSearch() && v.played() ? 1 : 0, v -> v.played() ? 1 : 0));
        all.add(new EventsPerMemberMetric(COMPLETIONS_PER_MEMBER, "series completions observed (delayed rewards) / "
                + "members", v -> 0, 1, RunEnd::present));
        if (options.regret()) {
            all.add(new RatioMetric(EXPECTED_REGRET_PER_VISIT, REGRET_DEFINITION, false,
                    v -> v.isPage() ? v.oraclePlayProbability() - v.playProbability() : 0, v -> v.isPage() ? 1 : 0, true));
        }
        all.add(new CoverageMetric(CATALOG_COVERAGE, "distinct titles shown at least once / titles released by the "
                + "horizon", false));
        all.add(new CoverageMetric(PLAY_COVERAGE, "distinct titles played at least once / titles released by the horizon",
                true));
        all.add(new HorizonMetric(CHURN_RATE, "share of members present who churned before the horizon", false,
                Metrics::churnRate));
        all.add(new ExposureGiniMetric());
        all.add(new RatioMetric(INTRA_LIST_DIVERSITY, "mean over pages of the mean over pairs of shown titles of "
                + "1 − g_i·g_j (their genre mixtures): 0 for a one-genre page", true,
                v -> v.isPage() ? Exposure.intraListDiversity(v.shownGenreSum(), v.shownSquares(), v.shown()) : 0,
                v -> v.isPage() ? 1 : 0));
        all.add(new RatioMetric(CALIBRATION, "mean over visits by members with past plays of KL(p ‖ 0.99·q + 0.01·p) "
                + "(Steck 2018), where p is the genre distribution of the member's last 20 plays and q that of the page: "
                + "0 is perfectly calibrated", false, Metrics::calibration, v -> calibrated(v) ? 1 : 0));
        all.add(new HomogenizationMetric());
        all.add(new HorizonMetric(TASTE_NARROWING, "mean over members of Σ_g θ_g² of their taste at their last visit, "
                + "less that of their taste at joining: above 0, tastes have narrowed (a filter bubble, with "
                + "world.dynamics.exposure_weight); drift alone moves it little", false, Metrics::tasteNarrowing));
        for (int d : options.retentionDays()) {
            all.add(new MemberSetMetric(RETENTION_PREFIX + d, retentionDefinition(Integer.toString(d),
                    Integer.toString(d - 7)), retainedIn(d), joinedByDaysBefore(d, false)));
            all.add(new MemberSetMetric(NEW_MEMBER_RETENTION_PREFIX + d, newMemberRetentionDefinition(Integer.toString(d)),
                    retainedIn(d), joinedByDaysBefore(d, true)));
        }
        all.add(new DaysToFirstPlayMetric());
        all.add(new HorizonMetric(OSCILLATION_INDEX, "mean over genres of the peak periodogram power (periods from 3 "
                + "days to half the run) of the linearly detrended daily share of plays in that genre. A cycle of "
                + "amplitude A over n days gives about n·A²/4; noise of variance σ² gives about σ²·ln(n/2); n/a for runs "
                + "under 8 days", false, end -> OscillationIndex.of(genreShares(end.daily()))));
        return all;
    }

    private static final String REGRET_DEFINITION = "myopic regret: mean over visits of Pr(play | oracle's page) − "
            + "Pr(play | page shown), both exact choice probabilities given the slots the member examined on that "
            + "visit, so no choice is sampled; the oracle maximises this visit's utility, not long-term value (see "
            + "quality_plays_vs_best for that). Only with metrics.regret: true";

    /** Computed across the cells of a replicate, not within a run: see ExperimentRunner. */
    private static final MetricDefinition HOMOGENIZATION_RELATIVE = new MetricDefinition(HOMOGENIZATION_VS_ORACLE,
            "homogenization / that of the scenario's first cell ranked by {type: oracle} alone, in the same replicate: "
            + "Chaney et al.'s measure relative to the ideal. Present only when the scenario has such a cell", false);

    /** Computed across the cells of a replicate, not within a run: see ExperimentRunner. */
    private static final MetricDefinition QUALITY_RELATIVE = new MetricDefinition(QUALITY_PLAYS_VS_BEST,
            "quality_plays_per_member / the largest among the scenario's cells in the same replicate: 1 for the cell that "
            + "builds the most long-term value. The long-term reference beside expected_regret_per_visit, whose oracle is "
            + "myopic: an oracle below 1 here is beaten in the long run", true);

    private static double playedArtworkFidelity(VisitEvent v) {
        if (!v.isPage() || !v.played()) {
            return 0;
        }
        var title = v.run().catalog().title(v.playedTitle());
        return title.artwork(v.page().artworkAt(v.playedSlot())).fidelity();
    }

    /** The member's plays were recorded before observers run: this visit's own play is left out of the history. */
    private static int ownPlay(VisitEvent v) {
        return v.played() ? 1 : 0;
    }

    private static boolean calibrated(VisitEvent v) {
        return v.isPage() && v.member().recentPlayCount() > ownPlay(v) && v.shown() > 0;
    }

    private static double calibration(VisitEvent v) {
        if (!calibrated(v)) {
            return 0;
        }
        var catalog = v.run().catalog();
        double[] page = v.shownGenreSum().clone();
        for (int g = 0; g < page.length; g++) {
            page[g] /= v.shown();
        }
        MemberState member = v.member();
        int skip = ownPlay(v);
        double[] history = new double[page.length];
        int n = member.recentPlayCount() - skip;
        for (int k = skip; k < member.recentPlayCount(); k++) {
            var title = catalog.title(member.recentPlayTitle(k));
            for (int g = 0; g < history.length; g++) {
                history[g] += title.genre(g) / n;
            }
        }
        return Exposure.calibration(history, page);
    }

    private static double memberDays(RunEnd end) {
        double days = 0;
        for (MemberState m : end.members()) {
            double join = m.profile().joinDay();
            if (join < end.horizonDays()) {
                days += Math.min(end.horizonDays(), m.churnDay()) - join;
            }
        }
        return days;
    }

    private static double churnRate(RunEnd end) {
        long present = end.present();
        long churned = end.members().stream().filter(m -> m.profile().joinDay() < end.horizonDays()
                && m.churnDay() < end.horizonDays()).count();
        return present == 0 ? Double.NaN : (double) churned / present;
    }

    /** A visit in the week before the member's day d of membership. */
    private static MemberSetMetric.Marks retainedIn(int d) {
        return v -> {
            double sinceJoin = v.day() - v.member().profile().joinDay();
            return sinceJoin >= d - 7 && sinceJoin < d;
        };
    }

    /** Members whose day d fell before the horizon: a late joiner's week was cut by it. */
    private static MemberSetMetric.Eligible joinedByDaysBefore(int d, boolean duringRunOnly) {
        return (m, end) -> m.profile().joinDay() <= end.horizonDays() - d && (!duringRunOnly || m.profile().joinDay() > 0);
    }

    private static double[][] genreShares(List<DailyRow> daily) {
        int genres = daily.isEmpty() ? 0 : daily.get(0).genrePlays().length;
        double[][] shares = new double[genres][daily.size()];
        for (int d = 0; d < daily.size(); d++) {
            for (int g = 0; g < genres; g++) {
                shares[g][d] = daily.get(d).genreShare(g);
            }
        }
        return shares;
    }

    /** The name pattern of the retention metrics, one per day in metrics.retention_days. */
    private static final String RETENTION_PATTERN = "<d>";

    private Metrics() { }

    /** The metrics with a value per day, as daily.csv has a column for each (empty where not measured). */
    public static List<String> dailyColumns() {
        return forRun(new MetricOptions(0.5, List.of(), true)).stream().filter(m -> m.perDay().isPresent())
                .map(Metric::name).toList();
    }

    /** Every run-level metric's definition, with a {@code retention_d<d>} for each retention day asked for. */
    public static List<MetricDefinition> definitions(MetricOptions options) {
        List<MetricDefinition> all = new ArrayList<>(forRun(options).stream().map(Metric::describe).toList());
        all.add(all.indexOf(all.stream().filter(m -> m.name().equals(HOMOGENIZATION)).findFirst().orElseThrow()) + 1,
                HOMOGENIZATION_RELATIVE);
        all.add(all.indexOf(all.stream().filter(m -> m.name().equals(QUALITY_PLAYS_PER_MEMBER)).findFirst().orElseThrow()) + 1,
                QUALITY_RELATIVE);
        return all;
    }

    /** Every run-level metric as documented: one retention_d&lt;d&gt; entry for all retention days. */
    public static List<MetricDefinition> documented() {
        List<MetricDefinition> all = new ArrayList<>(definitions(new MetricOptions(0.5, List.of(), true)));
        int at = all.indexOf(all.stream().filter(m -> m.name().equals(NEW_TITLE_DAYS_TO_FIRST_PLAY)).findFirst()
                .orElseThrow());
        all.add(at, new MetricDefinition(NEW_MEMBER_RETENTION_PREFIX + RETENTION_PATTERN,
                newMemberRetentionDefinition(RETENTION_PATTERN), true));
        all.add(at, new MetricDefinition(RETENTION_PREFIX + RETENTION_PATTERN,
                retentionDefinition(RETENTION_PATTERN, RETENTION_PATTERN + "−7"), true));
        return all;
    }

    public static Optional<MetricDefinition> find(String name, MetricOptions options) {
        return definitions(options).stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static String retentionDefinition(String days, String weekBefore) {
        return "share of members who joined at least " + days + " days before the horizon and visited during days ["
                + weekBefore + ", " + days + ") after joining. Day-7 retention mostly reflects when members first visit, "
                + "which common random numbers make equal across cells; day 28 sees the policies";
    }

    private static String newMemberRetentionDefinition(String days) {
        return RETENTION_PREFIX + days + " among members who joined during the run (not at day 0); n/a without such "
                + "members";
    }

    /** Mean change of the members' taste concentration Σθ², from joining to their last update. */
    static double tasteNarrowing(RunEnd end) {
        double sum = 0;
        int members = 0;
        for (var member : end.members()) {
            if (member.profile().joinDay() >= end.horizonDays()) {
                continue;
            }
            sum += squares(member.taste()) - squares(member.profile().tasteView());
            members++;
        }
        return members == 0 ? Double.NaN : sum / members;
    }

    private static double squares(double[] shares) {
        double s = 0;
        for (double x : shares) {
            s += x * x;
        }
        return s;
    }
}

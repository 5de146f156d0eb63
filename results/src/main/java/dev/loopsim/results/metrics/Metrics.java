package dev.loopsim.results.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The run-level metrics loopsim reports, with their definitions (the README repeats these). */
public final class Metrics {
    public static final String TAKE_FRACTION = "take_fraction";
    public static final String HEAD_TAKE_FRACTION = "head_take_fraction";
    public static final String TAIL_TAKE_FRACTION = "tail_take_fraction";
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
    public static final String NEW_TITLE_DAYS_TO_FIRST_PLAY = "new_title_days_to_first_play";
    public static final String OSCILLATION_INDEX = "oscillation_index";
    public static final String RETENTION_PREFIX = "retention_d";
    public static final String NEW_MEMBER_RETENTION_PREFIX = "new_member_retention_d";

    private static final List<MetricDefinition> FIXED = List.of(
            new MetricDefinition(TAKE_FRACTION, "plays from pages / impressions, where an impression is a filled slot of a page shown", true),
            new MetricDefinition(HEAD_TAKE_FRACTION, "take_fraction over the better-known half of the catalog (popularity "
                    + "prior at or above the median)", true),
            new MetricDefinition(TAIL_TAKE_FRACTION, "take_fraction over the lesser-known half of the catalog (popularity "
                    + "prior below the median)", true),
            new MetricDefinition(PLAYS_PER_VISIT, "plays (from pages and search) / visits (at most one play per visit)", true),
            new MetricDefinition(PLAYS_PER_MEMBER, "plays / members who joined before the horizon", true),
            new MetricDefinition(PLAYS_PER_MEMBER_FIRST_28D, "plays in the first 28 days / members who joined before "
                    + "day 28: the short term an A/B test sees", true),
            new MetricDefinition(ACTIVE_LAST_28D, "share of members who joined more than 28 days before the horizon "
                    + "and visited in its last 28 days: 28-day retention at the end of the run", true),
            new MetricDefinition(VISITS_PER_MEMBER_WEEK, "visits / (member-days present / 7); a member is present from "
                    + "joining to the horizon or their churn", true),
            new MetricDefinition(ENJOYMENT_PER_PLAY, "mean watch fraction ω of plays", true),
            new MetricDefinition(QUALITY_PLAY_SHARE, "share of plays with ω ≥ metrics.quality_play_threshold", true),
            new MetricDefinition(PLAY_ARTWORK_FIDELITY, "mean fidelity of the artwork each play was clicked on; low means "
                    + "plays bought with clickbait", true),
            new MetricDefinition(COMPLETIONS_PER_MEMBER, "series completions observed (delayed rewards) / members", true),
            new MetricDefinition(EXPECTED_REGRET_PER_VISIT, "myopic regret: mean over visits of Pr(play | oracle's page) − "
                    + "Pr(play | page shown), both exact choice probabilities given the slots the member examined on that "
                    + "visit, so no choice is sampled; the oracle maximises this visit's utility, not long-term value. "
                    + "Only with metrics.regret: true", false),
            new MetricDefinition(SEARCH_PLAY_SHARE, "plays from search (world.search) / all plays: the open-loop share", false),
            new MetricDefinition(CATALOG_COVERAGE, "distinct titles shown at least once / titles released by the horizon", true),
            new MetricDefinition(PLAY_COVERAGE, "distinct titles played at least once / titles released by the horizon", true),
            new MetricDefinition(CHURN_RATE, "share of members present who churned before the horizon", false),
            new MetricDefinition(EXPOSURE_GINI, "Gini coefficient of impressions across the titles released by the horizon: "
                    + "0 when every title is shown equally, near 1 when a few take all the exposure", false),
            new MetricDefinition(INTRA_LIST_DIVERSITY, "mean over pages of the mean over pairs of shown titles of 1 − g_i·g_j "
                    + "(their genre mixtures): 0 for a one-genre page", true),
            new MetricDefinition(CALIBRATION, "mean over visits by members with past plays of KL(p ‖ 0.99·q + 0.01·p) "
                    + "(Steck 2018), where p is the genre distribution of the member's last 20 plays and q that of the page: "
                    + "0 is perfectly calibrated", false),
            new MetricDefinition(HOMOGENIZATION, "mean pairwise Jaccard similarity of members' sets of played titles (Chaney "
                    + "et al. 2018): every pair up to 3,000 members, else a fixed sample of 2,000,000 pairs chosen by "
                    + "hashing, the same for any thread count", false),
            new MetricDefinition(HOMOGENIZATION_VS_ORACLE, "homogenization / that of the scenario's first cell ranked by "
                    + "{type: oracle} alone, in the same replicate: Chaney et al.'s measure relative to the ideal. Present "
                    + "only when the scenario has such a cell", false),
            new MetricDefinition(NEW_TITLE_DAYS_TO_FIRST_PLAY, "over titles released during the run: mean days from release "
                    + "to first play, a title never played counting as played at the horizon. This restricted mean is a "
                    + "lower bound, defined even when some titles are never played; n/a without new titles", false),
            new MetricDefinition(OSCILLATION_INDEX, "mean over genres of the peak periodogram power (periods from 3 days to "
                    + "half the run) of the linearly detrended daily share of plays in that genre. A cycle of amplitude A "
                    + "over n days gives about n·A²/4; noise of variance σ² gives about σ²·ln(n/2); n/a for runs under "
                    + "8 days", false));

    /** The name pattern of the retention metrics, one per day in metrics.retention_days. */
    private static final String RETENTION_PATTERN = "<d>";

    private Metrics() { }

    /** Every run-level metric, with a {@code retention_d<d>} for each retention day asked for. */
    public static List<MetricDefinition> definitions(List<Integer> retentionDays) {
        List<MetricDefinition> all = new ArrayList<>(FIXED);
        for (int d : retentionDays) {
            all.add(retention(d));
            all.add(newMemberRetention(Integer.toString(d)));
        }
        return all;
    }

    public static MetricDefinition retention(int days) {
        return retention(Integer.toString(days), Integer.toString(days - 7));
    }

    private static MetricDefinition retention(String days, String weekBefore) {
        return new MetricDefinition(RETENTION_PREFIX + days, "share of members who joined at least " + days
                + " days before the horizon and visited during days [" + weekBefore + ", " + days + ") after joining. "
                + "Day-7 retention mostly reflects when members first visit, which common random numbers make equal "
                + "across cells; day 28 sees the policies", true);
    }

    private static MetricDefinition newMemberRetention(String days) {
        return new MetricDefinition(NEW_MEMBER_RETENTION_PREFIX + days, RETENTION_PREFIX + days
                + " among members who joined during the run (not at day 0); n/a without such members", true);
    }

    /** Every run-level metric as documented: one retention_d&lt;d&gt; entry for all retention days. */
    public static List<MetricDefinition> documented() {
        List<MetricDefinition> all = new ArrayList<>(FIXED);
        all.add(retention(RETENTION_PATTERN, RETENTION_PATTERN + "−7"));
        all.add(newMemberRetention(RETENTION_PATTERN));
        return all;
    }

    public static Optional<MetricDefinition> find(String name, List<Integer> retentionDays) {
        return definitions(retentionDays).stream().filter(m -> m.name().equals(name)).findFirst();
    }
}

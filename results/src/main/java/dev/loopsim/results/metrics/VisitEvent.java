package dev.loopsim.results.metrics;

import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;

/**
 * One visit as the tallies see it, with the facts several metrics need worked out once: a page's
 * shown titles and their genre sums, and the play, if any. One instance per shard is refilled for
 * every visit, so a tally must not keep it.
 */
public final class VisitEvent {
    private final RunShape run;
    private final Catalog catalog;
    private final double[] shownGenreSum;
    private MemberState member;
    private double day;
    private Page page;
    private int shown;
    private int shownLesserKnown;
    private double shownSquares;
    private int playedTitle;
    private int playedSlot;
    private double watchFraction;
    private double playProbability;
    private double oraclePlayProbability;

    VisitEvent(RunShape run) {
        this.run = run;
        this.catalog = run.catalog();
        this.shownGenreSum = new double[catalog.genreCount()];
    }

    VisitEvent page(MemberState member, double day, Page page, VisitResponse response, double oraclePlayProbability) {
        set(member, day);
        this.page = page;
        java.util.Arrays.fill(shownGenreSum, 0);
        shownSquares = 0;
        shown = 0;
        shownLesserKnown = 0;
        boolean[] lesserKnown = run.lesserKnown();
        for (int slot = 0; slot < page.slots(); slot++) {
            int title = page.titleAt(slot);
            if (title >= 0) {
                shown++;
                shownLesserKnown += lesserKnown[title] ? 1 : 0;
                var t = catalog.title(title);
                for (int g = 0; g < shownGenreSum.length; g++) {
                    double share = t.genre(g);
                    shownGenreSum[g] += share;
                    shownSquares += share * share;
                }
            }
        }
        playedSlot = response.playedSlot();
        playedTitle = response.played() ? page.titleAt(playedSlot) : -1;
        watchFraction = response.watchFraction();
        playProbability = response.playProbability();
        this.oraclePlayProbability = oraclePlayProbability;
        return this;
    }

    VisitEvent search(MemberState member, double day, SearchResponse response) {
        set(member, day);
        page = null;
        shown = 0;
        shownLesserKnown = 0;
        playedSlot = -1;
        playedTitle = response.played() ? response.title() : -1;
        watchFraction = response.watchFraction();
        playProbability = Double.NaN;
        oraclePlayProbability = Double.NaN;
        return this;
    }

    private void set(MemberState member, double day) {
        this.member = member;
        this.day = day;
    }

    public RunShape run() {
        return run;
    }

    public MemberState member() {
        return member;
    }

    /** The time of the visit, in days since the run began. */
    public double day() {
        return day;
    }

    /** The page shown; null for a search visit. */
    public Page page() {
        return page;
    }

    public boolean isPage() {
        return page != null;
    }

    public boolean isSearch() {
        return page == null;
    }

    /** Filled slots of the page (impressions); 0 for a search. */
    public int shown() {
        return shown;
    }

    /** Impressions of lesser-known titles ({@link RunShape#lesserKnown()}). */
    public int shownLesserKnown() {
        return shownLesserKnown;
    }

    /** Σ over shown titles of their genre mixture; read only. */
    public double[] shownGenreSum() {
        return shownGenreSum;
    }

    /** Σ over shown titles of |g|², the squared length of their genre mixtures. */
    public double shownSquares() {
        return shownSquares;
    }

    public boolean played() {
        return playedTitle >= 0;
    }

    /** The title played, from the page or from search; -1 if none. */
    public int playedTitle() {
        return playedTitle;
    }

    /** The slot of the page the play came from; -1 for none or search. */
    public int playedSlot() {
        return playedSlot;
    }

    /** ω, the share of the title watched; 0 without a play. */
    public double watchFraction() {
        return watchFraction;
    }

    /** The exact probability of a play from this page given the slots examined; NaN for search. */
    public double playProbability() {
        return playProbability;
    }

    /** The same for the oracle's page; NaN for search or when regret is not measured. */
    public double oraclePlayProbability() {
        return oraclePlayProbability;
    }
}

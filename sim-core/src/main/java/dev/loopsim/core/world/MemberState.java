package dev.loopsim.core.world;

import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A member's mutable state during one run: recent visits and their satisfaction (what the
 * visit model excites on), pending delayed rewards, and the member's own random streams.
 *
 * <p>Only the shard that owns the member touches this object, and only in time order, which
 * is what makes parallel runs deterministic.
 */
public final class MemberState {
    /** How many recent plays are remembered (for rows such as continue-watching). */
    public static final int RECENT_PLAYS = 20;
    /** The genre of a visit without a play (or whose play's genre is not known). */
    public static final int NO_GENRE = -1;
    private final MemberProfile profile;
    private final double[] recentVisitDays;
    private final double[] recentSatisfaction;
    /** The dominant genre of each recent visit's play, or {@link #NO_GENRE}: short, because a million members keep these. */
    private final short[] recentGenres;
    private int recentCount;
    private int recentHead;
    private final PriorityQueue<PendingReward> pendingRewards = new PriorityQueue<>();
    private final UniformRandomProvider browseStream;
    private final UniformRandomProvider consumeStream;
    private final UniformRandomProvider visitStream;
    private final UniformRandomProvider policyStream;
    private final UniformRandomProvider dynamicsStream;
    private final double[] taste;
    private final double[] boredom;
    private double dynamicsDay = Double.NaN;
    private final int[] recentPlayTitles = new int[RECENT_PLAYS];
    private final int[] recentPlayArtworks = new int[RECENT_PLAYS];
    private final double[] recentPlayDays = new double[RECENT_PLAYS];
    private final boolean[] recentPlayCompleted = new boolean[RECENT_PLAYS];
    private int recentPlayCount;
    private int recentPlayHead;
    private double nextVisitDay = Double.POSITIVE_INFINITY;
    private boolean joined;
    private double churnDay = Double.POSITIVE_INFINITY;
    private long visits;
    private long plays;
    private int[] lastPageTitles = new int[0];
    private final MemberHistory history = new History();

    /** A delayed outcome of the play at {@code playDay} (of a title shown with an artwork), due at {@code day}. */
    public record PendingReward(double day, int titleId, int artwork, double value, double playDay, long sequence)
            implements Comparable<PendingReward> {
        @Override
        public int compareTo(PendingReward o) {
            int byDay = Double.compare(day, o.day);
            return byDay != 0 ? byDay : Long.compare(sequence, o.sequence);
        }
    }

    public MemberState(MemberProfile profile, int historyCapacity, MemberStreams streams) {
        if (historyCapacity < 1) {
            throw new IllegalArgumentException("historyCapacity must be >= 1, found " + historyCapacity);
        }
        this.profile = profile;
        this.recentVisitDays = new double[historyCapacity];
        this.recentSatisfaction = new double[historyCapacity];
        this.recentGenres = new short[historyCapacity];
        this.browseStream = streams.browse();
        this.consumeStream = streams.consume();
        this.visitStream = streams.visit();
        this.policyStream = streams.policy();
        this.dynamicsStream = streams.dynamics();
        this.taste = profile.taste();
        this.boredom = new double[taste.length];
    }

    /** The streams a member draws from, one per purpose. */
    public record MemberStreams(UniformRandomProvider browse, UniformRandomProvider consume,
                                UniformRandomProvider visit, UniformRandomProvider policy,
                                UniformRandomProvider dynamics) { }

    /** θ_u(t): the current taste over genres, which drifts. Written only by the member's dynamics. */
    public double[] taste() {
        return taste;
    }

    /** β_u(t) as of {@link #dynamicsDay()}: boredom per genre. Written only by the member's dynamics. */
    public double[] boredom() {
        return boredom;
    }

    /** The day taste and boredom were last brought up to date; NaN before the first visit. */
    public double dynamicsDay() {
        return dynamicsDay;
    }

    public void setDynamicsDay(double day) {
        this.dynamicsDay = day;
    }

    /** Remembers a play shown with the default artwork. */
    public void recordPlay(int titleId, double day) {
        recordPlay(titleId, 0, day);
    }

    /** Remembers a play and the artwork it was shown with, dropping the oldest beyond {@link #RECENT_PLAYS}. */
    public void recordPlay(int titleId, int artwork, double day) {
        recentPlayTitles[recentPlayHead] = titleId;
        recentPlayArtworks[recentPlayHead] = artwork;
        recentPlayDays[recentPlayHead] = day;
        recentPlayCompleted[recentPlayHead] = false;
        recentPlayHead = (recentPlayHead + 1) % RECENT_PLAYS;
        recentPlayCount = Math.min(recentPlayCount + 1, RECENT_PLAYS);
    }

    /** Marks the remembered plays of a title as completed. */
    public void recordCompletion(int titleId) {
        for (int k = 0; k < recentPlayCount; k++) {
            int slot = playSlot(k);
            if (recentPlayTitles[slot] == titleId) {
                recentPlayCompleted[slot] = true;
            }
        }
    }

    public int recentPlayCount() {
        return recentPlayCount;
    }

    /** The title of the k-th most recent play, k = 0 being the latest. */
    public int recentPlayTitle(int k) {
        return recentPlayTitles[playSlot(k)];
    }

    /** The artwork index the k-th most recent play was shown with (0 for a play from outside the page). */
    public int recentPlayArtwork(int k) {
        return recentPlayArtworks[playSlot(k)];
    }

    public double recentPlayDay(int k) {
        return recentPlayDays[playSlot(k)];
    }

    public boolean recentPlayCompleted(int k) {
        return recentPlayCompleted[playSlot(k)];
    }

    private int playSlot(int k) {
        if (k < 0 || k >= recentPlayCount) {
            throw new IndexOutOfBoundsException("recent play " + k + " of " + recentPlayCount);
        }
        return ((recentPlayHead - 1 - k) % RECENT_PLAYS + RECENT_PLAYS) % RECENT_PLAYS;
    }

    public MemberProfile profile() {
        return profile;
    }

    public int id() {
        return profile.id();
    }

    /** Remembers the titles of the page just shown, slot by slot, reusing the array when the page size is the same. */
    public void recordShown(Page page) {
        if (lastPageTitles.length != page.slots()) {
            lastPageTitles = new int[page.slots()];
        }
        for (int slot = 0; slot < lastPageTitles.length; slot++) {
            lastPageTitles[slot] = page.titleAt(slot);
        }
    }

    /** What a policy may observe of this member: a read-only view, not this state. */
    public MemberHistory history() {
        return history;
    }

    /** The observable part of the state; a separate object, so a policy cannot cast it to the state. */
    private final class History implements MemberHistory {
        @Override
        public int id() {
            return profile.id();
        }

        @Override
        public double joinDay() {
            return profile.joinDay();
        }

        @Override
        public long visits() {
            return visits;
        }

        @Override
        public long plays() {
            return plays;
        }

        @Override
        public int recentPlayCount() {
            return recentPlayCount;
        }

        @Override
        public int recentPlayTitle(int k) {
            return MemberState.this.recentPlayTitle(k);
        }

        @Override
        public int recentPlayArtwork(int k) {
            return MemberState.this.recentPlayArtwork(k);
        }

        @Override
        public double recentPlayDay(int k) {
            return MemberState.this.recentPlayDay(k);
        }

        @Override
        public boolean recentPlayCompleted(int k) {
            return MemberState.this.recentPlayCompleted(k);
        }

        @Override
        public int recentVisitCount() {
            return recentCount;
        }

        @Override
        public double recentVisitDay(int k) {
            return MemberState.this.recentVisitDay(k);
        }

        @Override
        public int[] lastPageTitles() {
            return lastPageTitles.clone();
        }
    }

    /** Records a visit and its satisfaction, dropping the oldest beyond the history capacity. */
    public void recordVisit(double day, double satisfaction, boolean played) {
        recordVisit(day, satisfaction, played, NO_GENRE);
    }

    /** Records a visit, its satisfaction and the genre of what was played in it ({@link #NO_GENRE} for none). */
    public void recordVisit(double day, double satisfaction, boolean played, int genre) {
        if (genre < NO_GENRE || genre > Short.MAX_VALUE) {
            throw new IllegalArgumentException("genre must be in [-1, " + Short.MAX_VALUE + "], found " + genre);
        }
        recentVisitDays[recentHead] = day;
        recentSatisfaction[recentHead] = satisfaction;
        recentGenres[recentHead] = (short) genre;
        recentHead = (recentHead + 1) % recentVisitDays.length;
        recentCount = Math.min(recentCount + 1, recentVisitDays.length);
        visits++;
        if (played) {
            plays++;
        }
    }

    /** How many recent visits are remembered (at most the history capacity). */
    public int recentCount() {
        return recentCount;
    }

    /** Day of the k-th most recent visit, k = 0 being the latest. */
    public double recentVisitDay(int k) {
        return recentVisitDays[slot(k)];
    }

    /** Satisfaction of the k-th most recent visit, k = 0 being the latest. */
    public double recentSatisfaction(int k) {
        return recentSatisfaction[slot(k)];
    }

    /** The genre of what was played in the k-th most recent visit, or {@link #NO_GENRE}. */
    public int recentGenre(int k) {
        return recentGenres[slot(k)];
    }

    private int slot(int k) {
        if (k < 0 || k >= recentCount) {
            throw new IndexOutOfBoundsException("recent visit " + k + " of " + recentCount);
        }
        int n = recentVisitDays.length;
        return ((recentHead - 1 - k) % n + n) % n;
    }

    public void scheduleReward(PendingReward reward) {
        pendingRewards.add(reward);
    }

    /** The earliest pending reward, or null. */
    public PendingReward peekReward() {
        return pendingRewards.peek();
    }

    public PendingReward pollReward() {
        return pendingRewards.poll();
    }

    public double nextVisitDay() {
        return nextVisitDay;
    }

    public void setNextVisitDay(double day) {
        this.nextVisitDay = day;
    }

    public boolean joined() {
        return joined;
    }

    /** Whether the member is still around at {@code day}: joined and not churned by then. */
    public boolean activeAt(double day) {
        return joined && day < churnDay;
    }

    /** The day the member churned, or +∞. */
    public double churnDay() {
        return churnDay;
    }

    public void markChurned(double day) {
        this.churnDay = day;
    }

    public void markJoined() {
        this.joined = true;
    }

    public long visits() {
        return visits;
    }

    public long plays() {
        return plays;
    }

    public UniformRandomProvider browseStream() {
        return browseStream;
    }

    public UniformRandomProvider consumeStream() {
        return consumeStream;
    }

    public UniformRandomProvider visitStream() {
        return visitStream;
    }

    public UniformRandomProvider policyStream() {
        return policyStream;
    }

    public UniformRandomProvider dynamicsStream() {
        return dynamicsStream;
    }
}

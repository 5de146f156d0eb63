package dev.loopsim.core.engine;

import java.util.ArrayList;
import java.util.List;
import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;

/**
 * A fixed subset of members whose visits and rewards run in time order, member by member,
 * between two global events. Policies are frozen meanwhile, so members are independent and
 * shards can run on any thread.
 */
final class MemberShard {
    private final SimulationSetup setup;
    /** Joined members with a pending event, by the time of their next event (ties by id: a fixed order). */
    private final MemberQueue queue = new MemberQueue();
    private final ShardObserver observer;
    private final List<VisitFeedback> pendingVisits = new ArrayList<>();
    private final List<RewardFeedback> pendingRewards = new ArrayList<>();
    private long rewardSequence;
    private long visitCount;

    MemberShard(SimulationSetup setup, ShardObserver observer) {
        this.setup = setup;
        this.observer = observer;
    }

    /** Starts following a member who has joined (and has had their first visit drawn). */
    void track(MemberState member) {
        enqueue(member);
    }

    private void enqueue(MemberState member) {
        MemberState.PendingReward reward = member.peekReward();
        double next = Math.min(member.nextVisitDay(), reward == null ? Double.POSITIVE_INFINITY : reward.day());
        if (next < Double.POSITIVE_INFINITY) {
            queue.add(next, member);
        }
    }

    /**
     * Runs every member event strictly before {@code day}, with the given released titles. Only
     * members with an event in the window are touched; members are independent within a window,
     * so running them in order of their first event gives the same outcome as any other order.
     */
    void advanceTo(double day, int[] available) {
        while (!queue.isEmpty() && queue.firstDay() < day) {
            MemberState member = queue.poll();
            advanceMember(member, day, available);
            enqueue(member);
        }
    }

    private void advanceMember(MemberState member, double day, int[] available) {
        while (true) {
            MemberState.PendingReward reward = member.peekReward();
            double rewardDay = reward == null ? Double.POSITIVE_INFINITY : reward.day();
            double visitDay = member.nextVisitDay();
            if (Math.min(rewardDay, visitDay) >= day) {
                return;
            }
            if (rewardDay <= visitDay) {
                member.pollReward();
                deliver(member, reward);
            } else {
                visit(member, visitDay, available);
            }
        }
    }

    private void deliver(MemberState member, MemberState.PendingReward reward) {
        RewardFeedback feedback = new RewardFeedback(reward.day(), member.id(), reward.titleId(), reward.artwork(),
                reward.playDay(), reward.value());
        member.recordCompletion(reward.titleId());
        pendingRewards.add(feedback);
        observer.reward(member, feedback);
    }

    private void visit(MemberState member, double day, int[] available) {
        setup.response().prepare(member, day);
        // Drawn only when search is on, so a scenario without it keeps its visit stream unchanged.
        if (setup.searchShare() > 0 && member.visitStream().nextDouble() < setup.searchShare()) {
            search(member, day, available);
            return;
        }
        var catalog = setup.catalog();
        DecisionContext context = new DecisionContext(member.history(), day, catalog, available, member.policyStream());
        Page page = setup.pages().build(context);
        VisitResponse response = setup.response().respond(member, page, catalog, day);
        double oracleProbability = Double.NaN;
        if (setup.oraclePages() != null) {
            Page best = setup.oraclePages().build(context);
            oracleProbability = setup.response().playProbability(member, best, response.examined(), catalog, day);
        }
        observer.decision(context, page, response); // before the play changes the member's history
        int genre = MemberState.NO_GENRE;
        if (response.played()) {
            int slot = response.playedSlot();
            afterPlay(member, page.titleAt(slot), page.artworkAt(slot), day, response.completes());
            genre = catalog.dominantGenre(page.titleAt(slot));
        }
        member.recordVisit(day, response.satisfaction(), response.played(), genre);
        member.recordShown(page);
        observer.visit(member, day, page, response, oracleProbability);
        finishVisit(member, day, new VisitFeedback(day, member.id(), page, response.playedSlot(), response.watchFraction()));
    }

    /** A visit that skips the page: the member plays what they find (with its default artwork), or nothing. */
    private void search(MemberState member, double day, int[] available) {
        SearchResponse response = setup.response().search(member, available, setup.catalog(), day);
        int genre = MemberState.NO_GENRE;
        if (response.played()) {
            afterPlay(member, response.title(), 0, day, response.completes());
            genre = setup.catalog().dominantGenre(response.title());
        }
        member.recordVisit(day, response.satisfaction(), response.played(), genre);
        observer.search(member, day, response);
        finishVisit(member, day, VisitFeedback.search(day, member.id(), response.title(), response.watchFraction()));
    }

    /** The member's state after a play; a play that will complete schedules its delayed reward. */
    private void afterPlay(MemberState member, int title, int artwork, double day, boolean completes) {
        setup.response().afterPlay(member, title, artwork, day, setup.catalog());
        if (completes) {
            double delay = -setup.response().completionDelayDays() * Math.log(1 - member.consumeStream().nextDouble());
            member.scheduleReward(new MemberState.PendingReward(day + delay, title, artwork, 1.0, day, rewardSequence++));
        }
    }

    /** Queues the visit's feedback for the next policy update and draws the member's next visit. */
    private void finishVisit(MemberState member, double day, VisitFeedback feedback) {
        pendingVisits.add(feedback);
        visitCount++;
        scheduleNextVisit(setup, member, day);
        setup.pages().visited(feedback, member.churnDay() < Double.POSITIVE_INFINITY,
                member.nextVisitDay() == Double.POSITIVE_INFINITY);
    }

    /** Draws the member's next visit after {@code day}, or their churn if it comes first. */
    static void scheduleNextVisit(SimulationSetup setup, MemberState member, double day) {
        schedule(setup, member, day, setup.visits().nextVisitDay(member, day, setup.horizonDays()));
    }

    /** Draws a joining member's first visit, or their churn if it comes first. */
    static void scheduleFirstVisit(SimulationSetup setup, MemberState member, double joinDay) {
        schedule(setup, member, joinDay, setup.visits().firstVisitDay(member, joinDay, setup.horizonDays()));
    }

    private static void schedule(SimulationSetup setup, MemberState member, double day, double next) {
        var visits = setup.visits();
        double churn = visits.churnDay(member, day, next, setup.horizonDays());
        if (churn < next) {
            member.markChurned(churn);
            next = Double.POSITIVE_INFINITY;
        }
        member.setNextVisitDay(next);
    }

    List<VisitFeedback> drainVisits() {
        List<VisitFeedback> drained = new ArrayList<>(pendingVisits);
        pendingVisits.clear();
        return drained;
    }

    List<RewardFeedback> drainRewards() {
        List<RewardFeedback> drained = new ArrayList<>(pendingRewards);
        pendingRewards.clear();
        return drained;
    }

    long visitCount() {
        return visitCount;
    }
}

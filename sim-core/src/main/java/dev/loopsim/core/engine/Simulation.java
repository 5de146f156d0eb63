package dev.loopsim.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import dev.loopsim.core.clock.Clock;
import dev.loopsim.core.clock.EventKind;
import dev.loopsim.core.clock.mason.MasonClock;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Title;

/**
 * One run of one cell: a world, its members and a policy stack, from day 0 to the horizon.
 *
 * <p>Global events run on a {@link Clock}. Before each, every member's events up to that
 * instant run in {@link MemberShard}s, in parallel when an executor is given. Feedback is
 * merged in (time, member) order and shard observers are merged in shard order, so the
 * outcome is the same for any number of threads.
 */
public final class Simulation {
    private final SimulationSetup setup;
    private final RunObserver observer;
    private final ExecutorService executor;
    private final DoubleConsumer progress;
    private final List<MemberState> members = new ArrayList<>();
    private final List<MemberShard> shards = new ArrayList<>();
    private int[] available;
    private double advancedTo;
    private long retrainNanos;
    private double lastUpdate;

    /**
     * @param executor runs shards in parallel; null runs them in the calling thread
     * @param progress told the simulated day after each global event; may be null
     */
    public Simulation(SimulationSetup setup, RunObserver observer, ExecutorService executor, DoubleConsumer progress) {
        this.setup = setup;
        this.observer = observer;
        this.executor = executor;
        this.progress = progress == null ? day -> { } : progress;
    }

    /** Runs to the horizon and returns the number of visits simulated. */
    public long run() {
        double horizon = setup.horizonDays();
        for (int s = 0; s < setup.shards(); s++) {
            shards.add(new MemberShard(setup, observer.shard(s)));
        }
        Clock clock = new MasonClock(setup.streams().seedFor("mason-tie-break", 0));
        available = setup.catalog().titles().stream().filter(t -> t.releaseDay() <= 0).mapToInt(Title::id).toArray();
        for (Title title : setup.catalog().titles()) {
            if (title.releaseDay() > 0 && title.releaseDay() < horizon) {
                clock.schedule(title.releaseDay(), EventKind.ITEM_RELEASE, () -> release(title));
            }
        }
        for (MemberProfile profile : setup.members()) {
            MemberState member = newMember(profile);
            members.add(member);
            if (profile.joinDay() <= 0) {
                join(member, 0);
            } else if (profile.joinDay() < horizon) {
                clock.schedule(profile.joinDay(), EventKind.USER_JOIN, () -> join(member, profile.joinDay()));
            }
        }
        scheduleRepeating(clock, setup.updateEveryDays(), EventKind.POLICY_UPDATE, this::policyUpdate);
        scheduleRepeating(clock, setup.retrainEveryDays(), EventKind.RETRAIN, this::retrain);
        for (int day = 1; day <= Math.floor(horizon); day++) {
            int index = day - 1;
            clock.schedule(day, EventKind.SNAPSHOT, () -> snapshot(index));
        }
        clock.schedule(horizon, EventKind.END, () -> advanceTo(horizon));
        if (setup.truth() != null) {
            setup.truth().bind(members);
        }
        try {
            clock.run();
        } finally {
            if (setup.truth() != null) {
                setup.truth().release();
            }
            setup.pages().close(); // the run's policies end with it: a policy service is stopped
        }
        observer.finish(horizon, List.copyOf(members));
        return shards.stream().mapToLong(MemberShard::visitCount).sum();
    }

    private MemberState newMember(MemberProfile profile) {
        var streams = setup.streams();
        int id = profile.id();
        return new MemberState(profile, setup.visits().historyCapacity(), new MemberState.MemberStreams(
                streams.forMember(id, "browse"), streams.forMember(id, "consume"),
                streams.forMember(id, "visit"), streams.forMember(id, "policy"), streams.forMember(id, "dynamics")));
    }

    private void scheduleRepeating(Clock clock, double every, EventKind kind, Runnable action) {
        if (every <= 0) {
            return;
        }
        // Multiples of the interval, not accumulated sums, so no rounding drift over a long run.
        for (long k = 1; k * every < setup.horizonDays(); k++) {
            double day = k * every;
            clock.schedule(day, kind, () -> {
                advanceTo(day);
                action.run();
            });
        }
    }

    private void release(Title title) {
        advanceTo(title.releaseDay());
        int[] grown = Arrays.copyOf(available, available.length + 1);
        grown[available.length] = title.id();
        Arrays.sort(grown);
        available = grown; // a new array: shards never see one change under them
    }

    private void join(MemberState member, double day) {
        advanceTo(day);
        member.markJoined();
        MemberShard.scheduleFirstVisit(setup, member, day);
        shards.get(member.id() % shards.size()).track(member);
    }

    private void policyUpdate() {
        List<VisitFeedback> visits = new ArrayList<>();
        List<RewardFeedback> rewards = new ArrayList<>();
        for (MemberShard shard : shards) {
            visits.addAll(shard.drainVisits());
            rewards.addAll(shard.drainRewards());
        }
        visits.sort(Comparator.comparingDouble(VisitFeedback::day).thenComparingInt(VisitFeedback::memberId));
        rewards.sort(Comparator.comparingDouble(RewardFeedback::day).thenComparingInt(RewardFeedback::memberId)
                .thenComparingInt(RewardFeedback::titleId));
        setup.pages().learn(new FeedbackBatch(lastUpdate, advancedTo, visits, rewards));
        lastUpdate = advancedTo;
    }

    private void retrain() {
        long started = System.nanoTime();
        setup.pages().retrain(advancedTo);
        retrainNanos += System.nanoTime() - started;
    }

    /** Wall-clock seconds spent retraining the policies so far: for benchmarks, never for results. */
    public double retrainSeconds() {
        return retrainNanos / 1e9;
    }

    private void snapshot(int dayIndex) {
        advanceTo(dayIndex + 1);
        observer.snapshot(dayIndex);
    }

    private void advanceTo(double day) {
        if (day <= advancedTo) {
            return;
        }
        int[] titles = available;
        if (executor == null) {
            shards.forEach(shard -> shard.advanceTo(day, titles));
        } else {
            List<Future<?>> running = new ArrayList<>(shards.size());
            for (MemberShard shard : shards) {
                running.add(executor.submit(() -> shard.advanceTo(day, titles)));
            }
            awaitAll(running);
        }
        advancedTo = day;
        progress.accept(day);
    }

    private static void awaitAll(List<Future<?>> running) {
        try {
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("simulation interrupted");
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error; // out of memory or a stack overflow: the front end explains it
            }
            throw new IllegalStateException("a member shard failed", cause);
        }
    }
}

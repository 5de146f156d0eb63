package dev.loopsim.scenarios.run;

import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.policies.bandit.BanditPolicy;
import dev.loopsim.policies.bandit.BanditWorld;
import dev.loopsim.policies.bandit.BernoulliBandits;
import dev.loopsim.policies.bandit.LinearBandits;
import dev.loopsim.results.metrics.BanditMetrics;
import dev.loopsim.scenarios.spec.BanditWorldSpec;
import dev.loopsim.scenarios.spec.CellSpec;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Plays a scenario's bandit world: every cell's policy in every replicate, each run on its own
 * thread when there are several. Cells of a replicate see the same arms and the same stream of
 * contexts and reward draws (common random numbers); each policy has its own stream.
 */
final class BanditWorldRunner {
    private BanditWorldRunner() { }

    /** @param done the replicates computed before (by an engine that spreads them over machines), taken as they are */
    static List<CellRun> run(ScenarioSpec spec, ExecutorService executor, ProgressListener progress, Checkpoints done) {
        BanditWorldSpec world = spec.bandit();
        long[] checkpoints = world.checkpoints();
        List<Callable<CellRun>> jobs = new ArrayList<>();
        for (int replicate = 0; replicate < spec.replicates(); replicate++) {
            var kept = done.done(replicate);
            if (kept.isPresent()) {
                kept.get().runs().forEach(run -> jobs.add(() -> run));
                continue;
            }
            for (CellSpec cell : spec.cells()) {
                int r = replicate;
                jobs.add(() -> runOne(spec, world, cell, r, checkpoints));
            }
        }
        // With threads, every job is submitted at once; without, each runs in place when its turn comes.
        // Either way results are read in order, and progress follows them.
        List<Future<CellRun>> submitted = executor == null ? null : jobs.stream().map(executor::submit).toList();
        List<CellRun> runs = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Future<CellRun> future = submitted != null ? submitted.get(i) : runInPlace(jobs.get(i));
            try {
                runs.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
            progress.progress(runs.size(), jobs.size(), runs.get(runs.size() - 1).cell());
        }
        return runs;
    }

    /** One replicate: every cell's policy on the replicate's bandits. */
    static Checkpoints.Replicate replicate(ScenarioSpec spec, int replicate) {
        List<CellRun> runs = spec.cells().stream()
                .map(cell -> runOne(spec, spec.bandit(), cell, replicate, spec.bandit().checkpoints())).toList();
        return new Checkpoints.Replicate(replicate, runs, Map.of());
    }

    private static Future<CellRun> runInPlace(Callable<CellRun> job) {
        FutureTask<CellRun> task = new FutureTask<>(job);
        task.run();
        return task;
    }

    private static CellRun runOne(ScenarioSpec spec, BanditWorldSpec world, CellSpec cell, int replicate,
                                  long[] checkpoints) {
        long started = System.nanoTime();
        RandomStreams streams = RandomStreams.of(spec.seed(), replicate);
        BanditWorld bandits = world.type() == BanditWorldSpec.Kind.BERNOULLI
                ? new BernoulliBandits(world.phaseMeans(), world.phaseStarts())
                : new LinearBandits(world.arms(), world.dimension(), streams.forWorld("bandit-arms"));
        BanditPolicy policy = cell.policy().algorithm().create(cell.policy().parameters(), bandits.arms(),
                bandits.dimension(), false, 0);
        BanditWorld.Outcome outcome = bandits.play(policy, checkpoints, streams.forPolicy(cell.name(), "bandit"),
                streams.forWorld("bandit-draws"));
        double[] regret = outcome.regret();
        Map<String, Double> metrics = new LinkedHashMap<>();
        int last = regret.length - 1;
        metrics.put(BanditMetrics.REGRET, regret[last]);
        int tenth = java.util.Arrays.binarySearch(checkpoints, world.steps() / 10);
        metrics.put(BanditMetrics.REGRET_GROWTH, regret[last] / regret[tenth]);
        metrics.put(BanditMetrics.OPTIMAL_ARM_SHARE, outcome.optimalShare());
        metrics.put(BanditMetrics.FOUND_BEST_ARM, outcome.foundBest());
        for (int i = 0; i < checkpoints.length; i++) {
            metrics.put(BanditMetrics.regretAt(checkpoints[i]).name(), regret[i]);
        }
        return new CellRun(cell.name(), replicate, metrics, List.of(), world.steps(), (System.nanoTime() - started) / 1e9);
    }
}

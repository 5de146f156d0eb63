package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.scenarios.load.ScenarioLibrary;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.load.Sweeps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every expectation of every bundled scenario, one test per scenario, run when that test runs
 * (so its time is its own) at the scenario's {@code ci} size: the scenario library is a promise
 * about loopsim's behaviour, and CI keeps it. (The quickstart has its own test.) The full sizes
 * run with {@code loopsim check} or {@code mvn verify -Pfull-scenarios}.
 */
class BundledScenariosTest {
    /** Set by the full-scenarios profile: check every scenario as shipped, not at its ci size. */
    private static final boolean FULL_SIZE = Boolean.getBoolean("loopsim.fullScenarios");

    /**
     * The scenarios run two at a time, one thread each, heaviest first: a scenario's own run uses
     * two cores only part of the time (retraining and the metrics at the horizon are serial), so
     * this finishes sooner than one at a time with two threads. Results do not depend on threads.
     */
    @TestFactory
    Stream<DynamicTest> everyExpectationHolds() throws ScenarioException {
        List<Sweeps.Sweep> sweeps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : ScenarioLibrary.names()) {
            var sweep = ScenarioLoader.sweep(ScenarioSource.resolve(name), List.of(), !FULL_SIZE);
            if (sweep.points().get(0).loaded().spec().expectations().isEmpty() || name.equals("quickstart")) {
                continue;
            }
            sweeps.add(sweep);
            names.add(name);
        }
        List<Integer> heaviestFirst = new ArrayList<>();
        for (int i = 0; i < sweeps.size(); i++) {
            heaviestFirst.add(i);
        }
        heaviestFirst.sort(Comparator.comparingDouble((Integer i) -> -cost(sweeps.get(i))));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> outcomes = new ArrayList<>(java.util.Collections.nCopies(sweeps.size(), null));
        for (int i : heaviestFirst) {
            outcomes.set(i, pool.submit(() -> check(names.get(i), sweeps.get(i))));
        }
        pool.shutdown();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < sweeps.size(); i++) {
            String name = names.get(i);
            Future<List<String>> outcome = outcomes.get(i);
            tests.add(DynamicTest.dynamicTest(name, () -> assertThat(outcome.get())
                    .as(name + (FULL_SIZE ? " at full size" : " at its ci size")).isEmpty()));
        }
        return tests.stream();
    }

    /** The failed expectations of a scenario, at every point of a sweep. */
    private static List<String> check(String name, Sweeps.Sweep sweep) {
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        int checked = 0;
        for (SweepRunner.PointResult point : SweepRunner.run(sweep, 1, ProgressListener.NONE)) {
            String label = sweep.isSweep() ? point.point().values() + " " : "";
            for (ExpectationResult e : point.result().expectations()) {
                checked++;
                if (!e.passed()) {
                    failed.add(label + e.expectation().text() + ": " + e.detail());
                }
            }
        }
        System.out.printf("bundled scenario %s: %d expectations, %.1f s on one thread%n", name, checked,
                (System.nanoTime() - start) / 1e9);
        return failed;
    }

    /**
     * A rough guide to a scenario's time: member-days simulated, each costing about a page's slots
     * plus the titles a policy scores; a bandit world counts its steps.
     */
    private static double cost(Sweeps.Sweep sweep) {
        double total = 0;
        for (Sweeps.Point point : sweep.points()) {
            var spec = point.loaded().spec();
            double perCell = spec.bandit() != null ? spec.bandit().steps() / 1000.0
                    : spec.world().population().members() * spec.horizonDays()
                    * (spec.page().rows() * spec.page().columns() + spec.world().catalog().titles());
            total += perCell * spec.cells().size() * spec.replicates();
        }
        return total;
    }
}

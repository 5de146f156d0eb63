package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.scenarios.load.ScenarioLibrary;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.util.ArrayList;
import java.util.List;
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

    @TestFactory
    Stream<DynamicTest> everyExpectationHolds() throws ScenarioException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : ScenarioLibrary.names()) {
            var sweep = ScenarioLoader.sweep(ScenarioSource.resolve(name), List.of(), !FULL_SIZE);
            if (sweep.points().get(0).loaded().spec().expectations().isEmpty() || name.equals("quickstart")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                long start = System.nanoTime();
                List<String> failed = new ArrayList<>();
                int checked = 0;
                // A sweep's expectations hold at every point.
                for (SweepRunner.PointResult point : SweepRunner.run(sweep, 2, ProgressListener.NONE)) {
                    String label = sweep.isSweep() ? point.point().values() + " " : "";
                    for (ExpectationResult e : point.result().expectations()) {
                        checked++;
                        if (!e.passed()) {
                            failed.add(label + e.expectation().text() + ": " + e.detail());
                        }
                    }
                }
                System.out.printf("bundled scenario %s: %d expectations, %.1f s%n", name, checked,
                        (System.nanoTime() - start) / 1e9);
                assertThat(failed).as(name + (FULL_SIZE ? " at full size" : " at its ci size")).isEmpty();
            }));
        }
        return tests.stream();
    }
}

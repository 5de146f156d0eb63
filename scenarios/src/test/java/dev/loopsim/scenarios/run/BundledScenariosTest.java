package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.load.ScenarioLibrary;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every expectation of every bundled scenario, as shipped, one test each: the scenario library
 * is a promise about loopsim's behaviour, and CI keeps it. (The quickstart has its own test.)
 */
class BundledScenariosTest {

    @TestFactory
    Stream<DynamicTest> everyExpectationHolds() throws Exception {
        Stream.Builder<DynamicTest> tests = Stream.builder();
        for (String name : ScenarioLibrary.names()) {
            var sweep = ScenarioLoader.sweep(ScenarioSource.resolve(name), java.util.List.of(), true); // at its ci size
            if (sweep.points().get(0).loaded().spec().expectations().isEmpty() || name.equals("quickstart")) {
                continue;
            }
            // A sweep's expectations hold at every point.
            for (SweepRunner.PointResult point : SweepRunner.run(sweep, 2, ProgressListener.NONE)) {
                String label = name + (sweep.isSweep() ? " " + point.point().values() : "");
                for (ExpectationResult e : point.result().expectations()) {
                    tests.add(DynamicTest.dynamicTest(label + ": " + e.expectation().text(),
                            () -> assertThat(e.passed()).as(e.detail()).isTrue()));
                }
            }
        }
        return tests.build();
    }
}

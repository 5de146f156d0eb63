package dev.loopsim.scenarios.run;

import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an experiment produced.
 *
 * @param spec         the resolved scenario
 * @param runs         one per (cell, replicate), cells in scenario order, then replicates
 * @param summary      per cell, per metric: mean and interval over replicates
 * @param expectations the scenario's expectations and how they fared
 * @param ope          the ope block's estimates against the truth, per replicate, target and estimator
 * @param abEffects    an A/B test's treatment effects, per variant, readout day, cell and metric
 * @param seconds      wall-clock time of the whole experiment
 */
public record ExperimentResult(ScenarioSpec spec, List<CellRun> runs, Map<String, Map<String, Interval>> summary,
                               List<ExpectationResult> expectations, List<OpeTruth.Row> ope, List<AbEffect> abEffects, double seconds) {

    public ExperimentResult {
        runs = List.copyOf(runs);
        summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        expectations = List.copyOf(expectations);
        ope = List.copyOf(ope);
        abEffects = List.copyOf(abEffects);
    }

    /** The same result timed from an earlier start: a run whose engine computed its replicates first. */
    public ExperimentResult withSeconds(double wallSeconds) {
        return new ExperimentResult(spec, runs, summary, expectations, ope, abEffects, wallSeconds);
    }

    public boolean expectationsHold() {
        return expectations.stream().allMatch(ExpectationResult::passed);
    }

    public long visits() {
        return runs.stream().mapToLong(CellRun::visits).sum();
    }

    /** Simulated visits per wall-clock second over the whole experiment. */
    public double visitsPerSecond() {
        return seconds == 0 ? 0 : visits() / seconds;
    }
}

package dev.loopsim.scenarios.run;

import dev.loopsim.core.engine.RunObservers;
import dev.loopsim.core.engine.Simulation;
import dev.loopsim.core.policy.PageBuilder;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.results.metrics.DailyRow;
import dev.loopsim.results.metrics.MetricId;
import dev.loopsim.results.metrics.RunMetrics;
import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.spec.AbTestSpec;
import dev.loopsim.scenarios.spec.CellSpec;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.DoubleConsumer;

/**
 * Runs {@code mode: ab-test}: per replicate, one world whose members are split across the cells,
 * once per training mode, and (with {@code counterfactual}) each cell alone on every member, the
 * effect of shipping it. A cell's run-level metrics are those of the first training mode's test;
 * the readout metrics {@code <variant>_<metric>_d<day>} of every variant sit beside them.
 */
final class AbTestRunner {
    static final String COUNTERFACTUAL = "counterfactual";
    /** Suffixes of the analyst's readout of one test, from the spread between members. */
    /** The statistics of a readout's lift as one test's members give it. */
    private static final List<String> BY_MEMBER = List.of("lift", "lower", "upper", "p");

    private AbTestRunner() { }

    private static String readout(String variant, String metric, int day) {
        return AbTestSpec.readoutMetric(variant, metric, day);
    }

    static List<CellRun> run(ScenarioSpec spec, ExecutorService executor, ProgressListener progress, Checkpoints checkpoints) {
        WorldBuilder builder = new WorldBuilder(spec);
        int runsPerReplicate = runsPerReplicate(spec);
        double totalDays = spec.horizonDays() * runsPerReplicate * spec.replicates();
        List<CellRun> runs = new ArrayList<>();
        for (int replicate = 0; replicate < spec.replicates(); replicate++) {
            var finished = checkpoints.done(replicate);
            if (finished.isPresent()) {
                runs.addAll(finished.get().runs());
                continue;
            }
            Checkpoints.Replicate done = replicate(spec, builder, replicate, executor, progress, replicate * runsPerReplicate,
                    totalDays);
            runs.addAll(done.runs());
            checkpoints.save(done);
        }
        return runs;
    }

    /** The runs one replicate makes: a test per training mode, and each cell alone when asked. */
    static int runsPerReplicate(ScenarioSpec spec) {
        AbTestSpec ab = spec.abTest();
        return ab.training().size() + (ab.counterfactual() ? spec.cells().size() : 0);
    }

    /** One replicate: its tests (one per training mode) and, when asked, each cell alone. */
    static Checkpoints.Replicate replicate(ScenarioSpec spec, WorldBuilder builder, int replicate, ExecutorService executor,
                                           ProgressListener progress, int runsBefore, double totalDays) {
        AbTestSpec ab = spec.abTest();
        Allocation allocation = new Allocation(ab.shares(spec.cells().size()));
        List<Integer> days = ab.readouts(spec.horizonDays());
        int done = runsBefore;
        WorldBuilder.World world = builder.world(replicate);
        int[] cellOf = world.members().stream().mapToInt(m -> allocation.cellOf(m.id())).toArray();
        List<Map<String, Double>> metrics = new ArrayList<>();
        List<List<DailyRow>> daily = new ArrayList<>();
        List<List<Double>> retention = new ArrayList<>();
        long[] visits = new long[spec.cells().size()];
        for (int c = 0; c < spec.cells().size(); c++) {
            metrics.add(new LinkedHashMap<>());
            daily.add(List.of());
            retention.add(List.of());
        }
        long started = System.nanoTime();
        double[] retrainSeconds = {0};
        for (AbTestSpec.Training training : ab.training()) {
            DoubleConsumer onDay = onDay(progress, done++, spec, totalDays, "ab-test " + dev.loopsim.core.Keys.of(training) + " r" + replicate);
            MemberReadout readout = new MemberReadout(days, world.members().size());
            List<RunMetrics> cells = test(spec, builder, world, cellOf, training == AbTestSpec.Training.POOLED, executor, onDay, readout,
                    retrainSeconds);
            String variant = training.variant();
            for (int c = 0; c < cells.size(); c++) {
                RunMetrics m = cells.get(c);
                if (metrics.get(c).isEmpty()) {
                    metrics.get(c).putAll(m.summary());
                    daily.set(c, m.daily());
                    retention.set(c, m.retention());
                    visits[c] = m.daily().stream().mapToLong(DailyRow::visits).sum();
                }
                putReadouts(metrics.get(c), variant, m.daily(), days, members(world.members(), cellOf, c));
                if (c > 0) {
                    putMemberLifts(metrics.get(c), variant, days, readout, world.members(), cellOf, c);
                }
            }
        }
        if (ab.counterfactual()) {
            for (int c = 0; c < spec.cells().size(); c++) {
                CellSpec cell = spec.cells().get(c);
                DoubleConsumer onDay = onDay(progress, done++, spec, totalDays, cell.name() + " alone r" + replicate);
                RunMetrics alone = metrics(spec, world);
                Simulation simulation = new Simulation(builder.setup(world, cell), alone, executor, onDay);
                simulation.run();
                retrainSeconds[0] += simulation.retrainSeconds();
                putReadouts(metrics.get(c), COUNTERFACTUAL, alone.daily(), days, world.members());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9 / spec.cells().size();
        List<CellRun> runs = new ArrayList<>();
        for (int c = 0; c < spec.cells().size(); c++) {
            runs.add(new CellRun(spec.cells().get(c).name(), replicate, metrics.get(c), daily.get(c), visits[c], seconds,
                    retention.get(c), retrainSeconds[0] / spec.cells().size()));
        }
        return new Checkpoints.Replicate(replicate, runs, Map.of());
    }

    private static DoubleConsumer onDay(ProgressListener progress, int runIndex, ScenarioSpec spec, double totalDays,
                                        String label) {
        double before = runIndex * spec.horizonDays();
        return day -> progress.progress(before + day, totalDays, label);
    }

    /** One A/B test: every cell's pages on its share of the members, metrics by cell. */
    private static List<RunMetrics> test(ScenarioSpec spec, WorldBuilder builder, WorldBuilder.World world, int[] cellOf,
                                         boolean pooled, ExecutorService executor, DoubleConsumer onDay,
                                         MemberReadout readout, double[] retrainSeconds) {
        List<PageBuilder> pages = new ArrayList<>();
        double[] retrain = new double[spec.cells().size()];
        double shortest = 0;
        for (int c = 0; c < spec.cells().size(); c++) {
            CellSpec cell = spec.cells().get(c);
            pages.add(builder.pages(world, cell));
            retrain[c] = cell.retrainEvery().value();
            shortest = retrain[c] > 0 && (shortest == 0 || retrain[c] < shortest) ? retrain[c] : shortest;
        }
        List<RunMetrics> cells = new ArrayList<>();
        for (int c = 0; c < spec.cells().size(); c++) {
            cells.add(metrics(spec, world));
        }
        var setup = builder.setup(world, new AbTestPages(pages, cellOf, pooled, retrain), shortest,
                spec.world().search().share());
        Simulation simulation = new Simulation(setup, RunObservers.of(List.of(new CellRouting(cells, cellOf), readout)), executor, onDay);
        simulation.run();
        retrainSeconds[0] += simulation.retrainSeconds();
        return cells;
    }

    private static RunMetrics metrics(ScenarioSpec spec, WorldBuilder.World world) {
        return new RunMetrics(world.catalog(), spec.horizonDays(), spec.metricOptions());
    }

    private static List<MemberProfile> members(List<MemberProfile> all, int[] cellOf, int cell) {
        return all.stream().filter(m -> cellOf[m.id()] == cell).toList();
    }

    /** The analyst's reading of this test: the lift in plays and visits per member with intervals from the members. */
    private static void putMemberLifts(Map<String, Double> into, String variant, List<Integer> days, MemberReadout readout,
                                       List<MemberProfile> members, int[] cellOf, int cell) {
        for (int k = 0; k < days.size(); k++) {
            for (String metric : List.of("plays_per_member", "visits_per_member")) {
                MemberReadout.Lift lift = readout.lift(metric, k, members, cellOf, cell, 0);
                MetricId id = MetricId.readout(variant, metric, days.get(k));
                double[] values = {lift.lift(), lift.lower(), lift.upper(), lift.pValue()};
                for (int i = 0; i < values.length; i++) {
                    into.put(id.byMember(BY_MEMBER.get(i)).name(), values[i]);
                }
            }
        }
    }

    /** Take fraction, plays and visits per member present, over the days before each readout day. */
    private static void putReadouts(Map<String, Double> into, String variant, List<DailyRow> daily, List<Integer> days,
                                    List<MemberProfile> members) {
        for (int day : days) {
            long plays = 0, impressions = 0, visits = 0;
            for (DailyRow row : daily) {
                if (row.day() < day) {
                    plays += row.plays();
                    impressions += row.impressions();
                    visits += row.visits();
                }
            }
            long present = members.stream().filter(m -> m.joinDay() < day).count();
            into.put(readout(variant, "take_fraction", day), impressions == 0 ? Double.NaN : (double) plays / impressions);
            into.put(readout(variant, "plays_per_member", day), present == 0 ? Double.NaN : (double) plays / present);
            into.put(readout(variant, "visits_per_member", day), present == 0 ? Double.NaN : (double) visits / present);
        }
    }

    /** Every cell's lift over the control (the first cell), per variant, readout day and metric. */
    static List<AbEffect> effects(ScenarioSpec spec, List<CellRun> runs) {
        List<AbEffect> effects = new ArrayList<>();
        String control = spec.cells().get(0).name();
        for (String variant : spec.abTest().variants()) {
            for (int day : spec.abTest().readouts(spec.horizonDays())) {
                for (CellSpec cell : spec.cells().subList(1, spec.cells().size())) {
                    for (String metric : AbTestSpec.READOUT) {
                        String name = readout(variant, metric, day);
                        double[] base = values(runs, control, name, spec.replicates());
                        double[] treated = values(runs, cell.name(), name, spec.replicates());
                        double[] lifts = new double[base.length];
                        for (int r = 0; r < base.length; r++) {
                            lifts[r] = treated[r] / base[r] - 1;
                        }
                        double p = Interval.pValueGreaterThanZero(lifts);
                        double[] analyst = analyst(runs, cell.name(), name);
                        effects.add(new AbEffect(variant, day, cell.name(), metric, mean(base), mean(treated),
                                Interval.of(lifts, spec.metrics().confidence()), Double.isNaN(p) ? p : 2 * Math.min(p, 1 - p),
                                analyst[0], analyst[1], analyst[2], analyst[3]));
                    }
                }
            }
        }
        return effects;
    }

    /** Replicate 0's member-level readout: lift, interval, p; NaN where there is none (the counterfactual, take fraction). */
    private static double[] analyst(List<CellRun> runs, String cell, String metric) {
        Map<String, Double> first = runs.stream().filter(r -> r.cell().equals(cell) && r.replicate() == 0).findFirst()
                .orElseThrow().metrics();
        MetricId id = MetricId.parse(metric);
        return BY_MEMBER.stream().mapToDouble(statistic -> first.getOrDefault(id.byMember(statistic).name(), Double.NaN))
                .toArray();
    }

    private static double[] values(List<CellRun> runs, String cell, String metric, int replicates) {
        double[] values = new double[replicates];
        for (CellRun run : runs) {
            if (run.cell().equals(cell)) {
                values[run.replicate()] = run.metrics().get(metric);
            }
        }
        return values;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }
}

package dev.loopsim.scenarios.spec;

import dev.loopsim.core.Keys;
import dev.loopsim.results.logs.EventLogs;
import dev.loopsim.core.ParameterException;
import dev.loopsim.core.Validate;
import dev.loopsim.results.metrics.BanditMetrics;
import dev.loopsim.results.logs.LogKind;
import dev.loopsim.results.metrics.MetricId;
import dev.loopsim.results.metrics.MetricOptions;
import dev.loopsim.results.metrics.Metrics;
import dev.loopsim.scenarios.expect.Expectation;
import dev.loopsim.users.visit.SelfExcitingParameters;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A whole scenario: a world, cells of policies to compare on it, for how long, how often,
 * and what must hold of the results.
 *
 * @param name         short name, used for the run directory
 * @param description  what the scenario shows
 * @param seed         root of every random stream
 * @param replicates   independent repetitions with derived seeds
 * @param horizonDays  simulated days
 * @param updateEvery  interval between policy updates (feedback is batched in between)
 * @param shards       member shards: the unit of parallel work (fixed, so results do not
 *                     depend on the thread count)
 * @param world        the world
 * @param page         the page
 * @param bandit       a classic bandit world instead of members and pages; null for the page world
 * @param cells        the cells compared, under common random numbers
 * @param metrics      measurement settings
 * @param expectations statements that must hold, e.g. {@code oracle.take_fraction > random.take_fraction}
 * @param logs         event logs to write into the run directory: impressions, plays, visits, rewards
 * @param logFormat    parquet, csv or both
 * @param ope          off-policy evaluation against the truth; null for none
 * @param mode         {@code counterfactual} (each cell on its own copy of the world) or {@code ab-test}
 *                     (one world whose members are split across the cells)
 * @param abTest       how the A/B test runs
 * @param baseline     stored means by {@code cell.metric}, for {@code within ... of baseline} expectations: the
 *                     scenario's own key, or its {@code NAME.baseline.yaml} beside it (see {@code loopsim baseline save})
 */
public record ScenarioSpec(String name, String description, long seed, int replicates, double horizonDays,
                           Days updateEvery, int shards, WorldSpec world, PageSpec page, BanditWorldSpec bandit,
                           List<CellSpec> cells,
                           MetricsSpec metrics, List<String> expectations, List<LogKind> logs, EventLogs.Format logFormat,
                           OpeSpec ope, Mode mode, AbTestSpec abTest, java.util.Map<String, Double> baseline) {

    /** How the cells meet the world. */
    public enum Mode {
        /** Each cell on its own copy of the world, under common random numbers. */
        COUNTERFACTUAL,
        /** One world whose members are split across the cells. */
        AB_TEST
    }

    public ScenarioSpec {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new ParameterException("name", "name is required: letters, digits, '_', '.' or '-', found "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        description = description == null ? "" : description;
        Validate.between("replicates", replicates, 1, 100_000, "each replicate is a whole run of every cell");
        Validate.inRange("horizonDays", horizonDays, 1.0 / 24, 36_525, "from an hour to a simulated century");
        if (updateEvery == null || !(updateEvery.value() >= 1.0 / 1440) || Double.isInfinite(updateEvery.value())) {
            throw new ParameterException("updateEvery", "updateEvery must be a duration of at least a minute (1m), found "
                    + (updateEvery == null ? "nothing" : updateEvery.value() + " days"));
        }
        Validate.between("shards", shards, 1, 4096, "a shard is a unit of parallel work; more than the cores gains nothing");
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(page, "page");
        metrics = Objects.requireNonNull(metrics, "metrics").resolvedFor(horizonDays);
        cells = cells == null ? List.of() : List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new ParameterException("cells", "cells must list at least one cell, each with a name and a ranker");
        }
        if (!world.catalog().movieLens() && world.visits().parameters() instanceof SelfExcitingParameters visits
                && visits.genreProblem(world.catalog().syntheticGenres()) != null) {
            throw new ParameterException("world.visits.excitation_by_genre", visits.genreProblem(world.catalog().syntheticGenres()));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            checkCellKind("cells[" + i + "]", cells.get(i), bandit);
            List<RowSpec> rows = cells.get(i).rows();
            for (int r = 0; r < rows.size(); r++) {
                // A MovieLens catalog's genres are known only once the data is read: checked when the page is built.
                if (!world.catalog().movieLens() && rows.get(r).genre() >= world.catalog().syntheticGenres()) {
                    throw new ParameterException("cells[" + i + "].rows[" + r + "].kind", "the catalog has genres 0 to "
                            + (world.catalog().syntheticGenres() - 1) + ", so there is no row " + rows.get(r).kind());
                }
            }
            if (!names.add(cells.get(i).name())) {
                throw new ParameterException("cells[" + i + "].name", "cell names must be unique, '"
                        + cells.get(i).name() + "' appears twice");
            }
        }
        for (int i = 0; i < metrics.retentionDays().size(); i++) {
            if (metrics.retentionDays().get(i) > horizonDays) {
                throw new ParameterException("metrics.retentionDays[" + i + "]", "retention day "
                        + metrics.retentionDays().get(i) + " is beyond the horizon of " + horizonDays + " days");
            }
        }
        logs = logs == null ? List.of() : List.copyOf(logs);
        for (int i = 0; i < logs.size(); i++) {
            Keys.required(LogKind.class, "logs[" + i + "]", logs.get(i));
        }
        if (!logs.isEmpty() && bandit != null) {
            throw new ParameterException("logs", "a bandit world has no pages to log; logs apply to page worlds");
        }
        logFormat = logFormat == null ? EventLogs.Format.PARQUET : logFormat;
        if (ope != null) {
            checkOpe(ope, cells, names, page, bandit);
            try {
                ope = ope.resolvedFor(page.slots());
            } catch (ParameterException e) {
                throw new ParameterException("ope." + e.parameter(), e.getMessage());
            }
        }
        mode = mode == null ? Mode.COUNTERFACTUAL : mode;
        abTest = abTest == null ? AbTestSpec.DEFAULTS : abTest;
        if (mode == Mode.AB_TEST) {
            checkAbTest(abTest, cells, bandit, ope, logs);
        }
        baseline = baseline == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(baseline));
        expectations = expectations == null ? List.of() : List.copyOf(expectations);
        for (int i = 0; i < expectations.size(); i++) {
            checkExpectation("expectations[" + i + "]", expectations.get(i), names, metricOptions(world, metrics), bandit,
                    oracleCellOf(cells).isPresent(), ope, mode == Mode.AB_TEST ? abTest.readoutMetrics(horizonDays) : Set.of());
        }
    }

    /** An A/B test splits one page world's members over two or more cells that share the world's settings. */
    private static void checkAbTest(AbTestSpec ab, List<CellSpec> cells, BanditWorldSpec bandit, OpeSpec ope,
                                    List<LogKind> logs) {
        if (bandit != null || ope != null) {
            throw new ParameterException("mode", "an A/B test splits the members of a page world; it takes no bandit "
                    + "world and no ope block");
        }
        if (!logs.isEmpty()) {
            throw new ParameterException("logs", "event logs are written in counterfactual mode only, for now");
        }
        if (cells.size() < 2) {
            throw new ParameterException("cells", "an A/B test needs at least two cells, the first being the control");
        }
        if (!ab.allocation().isEmpty() && ab.allocation().size() != cells.size()) {
            throw new ParameterException("abTest.allocation", "the allocation needs a share for each of the "
                    + cells.size() + " cells, found " + ab.allocation().size());
        }
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).searchShare() != null) {
                throw new ParameterException("cells[" + i + "].searchShare", "in an A/B test every cell shares the world's "
                        + "search share (world.search.share)");
            }
        }
    }

    /**
     * The most member shards any of the scenario's policy services lets wait on it at once (its
     * {@code concurrency}), or 0 when no ranker is a service: shards then get their own threads so that
     * their requests reach the service together.
     */
    public int serviceConcurrency() {
        return services().mapToInt(remote -> Math.min(remote.concurrency(), shards)).max().orElse(0);
    }

    /**
     * Whether a policy service takes each visit's outcome as it ends (an environment stepping an
     * agent): the run then goes one visit at a time, on one thread, so the service sees one order.
     */
    public boolean stepsVisitByVisit() {
        return services().anyMatch(dev.loopsim.policies.remote.RemoteRanker.Parameters::outcomes);
    }

    private java.util.stream.Stream<dev.loopsim.policies.remote.RemoteRanker.Parameters> services() {
        return cells.stream()
                .flatMap(cell -> java.util.stream.Stream.concat(java.util.stream.Stream.of(cell.ranker()), cell.rows().stream().map(RowSpec::ranker)))
                .filter(ranker -> ranker != null && ranker.parameters() instanceof dev.loopsim.policies.remote.RemoteRanker.Parameters)
                .map(ranker -> (dev.loopsim.policies.remote.RemoteRanker.Parameters) ranker.parameters());
    }

    /** As the ranker's registration declares it. */
    private static boolean statesItsChoices(RankerSpec ranker) {
        return dev.loopsim.policies.PolicyRegistry.ranker(ranker.type()).orElseThrow()
                .capabilities(ranker.parameters()).statesPropensities();
    }

    /** The block names cells that exist, on a page of one title: the decision the estimators weigh. */
    private static void checkOpe(OpeSpec ope, List<CellSpec> cells, Set<String> names, PageSpec page, BanditWorldSpec bandit) {
        if (bandit != null) {
            throw new ParameterException("ope", "ope evaluates page policies; a bandit world has no pages");
        }
        boolean slate = page.slots() > 1;
        List<String> involved = new java.util.ArrayList<>(ope.targets());
        involved.add(0, ope.logging());
        for (int i = 0; i < involved.size(); i++) {
            String where = i == 0 ? "ope.logging" : "ope.targets[" + (i - 1) + "]";
            String cell = involved.get(i);
            if (!names.contains(cell)) {
                throw new ParameterException(where, "'" + cell + "' is not a cell; expected one of "
                        + names.stream().sorted().toList());
            }
            CellSpec spec = cells.stream().filter(c -> c.name().equals(cell)).findFirst().orElseThrow();
            if (!spec.rows().isEmpty()) {
                throw new ParameterException(where, "cell '" + cell + "' lists rows; an ope cell fills its one title with "
                        + "its ranker alone");
            }
            if (i > 0 && cell.equals(ope.logging())) {
                throw new ParameterException(where, "'" + cell + "' is the logging cell; a target is another policy");
            }
            if (!statesItsChoices(spec.ranker())) {
                throw new ParameterException(where, "cell '" + cell + "' ranks by " + spec.ranker().type() + ", whose choice "
                        + "probabilities have no closed form; ope needs deterministic rankers or random (with or without explore)");
            }
            if (slate && i > 0 && (spec.ranker().type().equals("random") || spec.explore() > 0)) {
                throw new ParameterException(where, "on a page of " + page.slots() + " slots the targets must "
                        + "be deterministic rankers, whose whole slate is known; '" + cell + "' chooses at random");
            }
        }
        CellSpec logging = cells.stream().filter(c -> c.name().equals(ope.logging())).findFirst().orElseThrow();
        if (slate && (!logging.ranker().type().equals("random") || logging.explore() > 0)) {
            throw new ParameterException("ope.logging", "on a page of " + page.slots() + " slots the logging "
                    + "cell must be ranker {type: random}, whose slate probabilities the slate estimators take");
        }
        if (!logging.ranker().type().equals("random") && !(logging.explore() > 0)) {
            throw new ParameterException("ope.logging", "the logging cell '" + logging.name() + "' must choose at random with "
                    + "known probabilities: ranker {type: random}, or explore > 0 around a deterministic ranker");
        }
    }

    /** A bandit world's cells play a policy; a page world's cells fill pages. */
    private static void checkCellKind(String where, CellSpec cell, BanditWorldSpec bandit) {
        if (bandit == null && cell.policy() != null) {
            throw new ParameterException(where + ".policy", "only a bandit world (scenario key bandit) plays a policy; "
                    + "a page cell names a ranker, and may choose artwork or row order by a bandit");
        }
        if (bandit != null) {
            if (cell.policy() == null) {
                throw new ParameterException(where + ".policy", "a bandit world's cells each need a policy, e.g. {type: ucb1}");
            }
            if (cell.ranker() != null || !cell.rows().isEmpty() || cell.rowOrder() != null) {
                throw new ParameterException(where + ".ranker", "a bandit world has no pages: give the cell a policy only");
            }
            if (cell.policy().settings().reward() != dev.loopsim.policies.bandit.SlotReward.CLICK) {
                throw new ParameterException(where + ".policy.reward", "in a bandit world the reward is the arm's own "
                        + "Bernoulli draw; reward applies to pages only");
            }
            var type = dev.loopsim.policies.bandit.BanditAlgorithms.find(cell.policy().type()).orElseThrow();
            if (type.capabilities().takesGuardrail()) {
                throw new ParameterException(where + ".policy.type", cell.policy().type() + " learns a guardrail outcome "
                        + "(quality plays) beside its reward, and a bandit world's arms have none: it would choose at "
                        + "random. Use it for artwork, title slots or row order in a page world");
            }
        }
    }

    private static void checkExpectation(String where, String text, Set<String> cells, MetricOptions metrics,
                                         BanditWorldSpec bandit, boolean hasOracle, OpeSpec ope, Set<String> readouts) {
        Expectation e;
        try {
            e = Expectation.parse(text);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(where, bad.getMessage());
        }
        for (String cell : e.references().stream().map(Expectation.Reference::cell).toList()) {
            if (!cells.contains(cell)) {
                throw new ParameterException(where, "expectation '" + text + "' names cell '" + cell
                        + "', which is not one of " + cells.stream().sorted().toList());
            }
        }
        for (Expectation.Reference reference : e.references()) {
            String metric = reference.metric();
            if (readouts.contains(metric)) {
                continue;
            }
            if (MetricId.parse(metric).family() == MetricId.Family.OPE) {
                if (ope == null || !ope.targets().contains(reference.cell()) || !ope.metrics().contains(metric)) {
                    throw new ParameterException(where, "expectation '" + text + "' names '" + reference.cell() + "." + metric
                            + "'; ope metrics belong to the ope block's targets"
                            + (ope == null ? " (the scenario has no ope block)" : " " + ope.targets() + ", one of " + ope.metrics()));
                }
                continue;
            }
            if (bandit != null) {
                if (BanditMetrics.find(metric, bandit.checkpoints()).isEmpty()) {
                    throw new ParameterException(where, "expectation '" + text + "' names metric '" + metric
                            + "', which is not one of " + BanditMetrics.definitions(bandit.checkpoints()).stream()
                            .map(d -> d.name()).toList());
                }
                continue;
            }
            if (metric.equals(Metrics.EXPECTED_REGRET_PER_VISIT) && !metrics.regret()) {
                throw new ParameterException(where, "expectation '" + text + "' needs metrics.regret: true");
            }
            if (Metrics.find(metric, metrics).isEmpty()) {
                throw new ParameterException(where, "expectation '" + text + "' names metric '" + metric
                        + "', which is not one of " + Metrics.definitions(metrics).stream()
                        .map(d -> d.name()).toList());
            }
            if (metric.equals(Metrics.HOMOGENIZATION_VS_ORACLE) && !hasOracle) {
                throw new ParameterException(where, "expectation '" + text + "' needs a cell ranked by {type: oracle} alone, "
                        + "the reference of homogenization_vs_oracle");
            }
        }
    }

    /** The first cell ranked by the oracle alone: the reference of homogenization_vs_oracle. */
    public java.util.Optional<String> oracleCell() {
        return oracleCellOf(cells);
    }

    private static java.util.Optional<String> oracleCellOf(List<CellSpec> cells) {
        return cells.stream().filter(c -> c.ranker() != null && c.ranker().type().equals("oracle") && c.rows().isEmpty())
                .map(CellSpec::name).findFirst();
    }

    public CellSpec cell(String cellName) {
        return cells.stream().filter(c -> c.name().equals(cellName)).findFirst().orElseThrow();
    }

    /** What the run measures, as the metrics take it. */
    public MetricOptions metricOptions() {
        return metricOptions(world, metrics);
    }

    private static MetricOptions metricOptions(WorldSpec world, MetricsSpec metrics) {
        return new MetricOptions(world.response().qualityPlayThreshold(), metrics.retentionDays(), metrics.regret());
    }

    /** What is valid but will not do what its writer likely wants; each a sentence for a warning line. */
    public List<String> warnings() {
        List<String> warnings = new java.util.ArrayList<>();
        if (replicates < 2 && !expectations.isEmpty()) {
            warnings.add("with 1 replicate the " + expectations.size() + " expectation(s) cannot be tested (each weighs "
                    + "a difference against its spread over replicates), so each will FAIL; give replicates: 2 or more, "
                    + "or run without them: --set 'expectations=[]'");
        }
        return warnings;
    }
}

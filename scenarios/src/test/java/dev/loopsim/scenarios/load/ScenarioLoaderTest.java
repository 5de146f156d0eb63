package dev.loopsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loopsim.scenarios.spec.ScenarioSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {
    private static final String MINIMAL = """
            name: tiny
            cells:
              - name: pop
                ranker: {type: popularity}
            """;

    private static ScenarioException failure(String yaml, String... overrides) {
        return catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(new ScenarioSource("s.yaml", yaml), List.of(overrides)));
    }

    @Test
    void fillsEveryDefault() throws ScenarioException {
        ScenarioSpec spec = ScenarioLoader.load(new ScenarioSource("s.yaml", MINIMAL)).spec();
        assertThat(spec.horizonDays()).isEqualTo(30);
        assertThat(spec.updateEvery().value()).isEqualTo(1 / 24.0);
        assertThat(spec.world().catalog().titles()).isEqualTo(500);
        assertThat(spec.cells().get(0).retrainEvery().value()).isEqualTo(1);
        assertThat(spec.cells().get(0).ranker().parameters()).hasToString("Parameters[priorWeight=1.0, weighting=NONE, maxWeight=10.0]");
        assertThat(spec.metrics().retentionDays()).containsExactly(7, 28);
        var short_ = ScenarioLoader.load(new ScenarioSource("s.yaml", MINIMAL), List.of("horizon_days=14")).spec();
        assertThat(short_.metrics().retentionDays()).as("automatic: those within the horizon").containsExactly(7);
    }

    @Test
    void aGuardrailBanditIsRefusedInABanditWorld() {
        ScenarioException e = failure("""
                name: arms
                bandit: {type: bernoulli, steps: 100}
                cells:
                  - name: guarded
                    policy: {type: constrained-ts}
                """);
        assertThat(e.yamlPath()).isEqualTo("cells[0].policy.type");
        assertThat(e.getMessage()).contains("guardrail").contains("page world");
    }

    @Test
    void aYamlAliasIsRefusedWhereItStands() {
        ScenarioException e = failure("""
                name: tiny
                replicates: &r 3
                seed: *r
                cells:
                  - name: pop
                    ranker: {type: popularity}
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("YAML aliases (*r) are not supported");
    }

    @Test
    void aHugeScenarioFailsAtOnceWithItsSize() {
        String description = "x".repeat(10 << 20);
        ScenarioException e = failure(MINIMAL + "description: " + description + "\n");
        assertThat(e.getMessage()).contains("at most " + ScenarioLoader.MAX_SCENARIO_CHARS + " characters");
    }

    @Test
    void deepNestingFailsWithALocation() {
        String deep = "[".repeat(ScenarioLoader.MAX_NESTING_DEPTH + 10) + "]".repeat(ScenarioLoader.MAX_NESTING_DEPTH + 10);
        ScenarioException e = failure(MINIMAL + "description: " + deep + "\n");
        assertThat(e.getMessage()).contains("not valid YAML").contains("depth");
        assertThat(e.line()).isEqualTo(5);
    }

    @Test
    void theResolvedYamlLoadsToTheSameScenario() throws ScenarioException {
        var loaded = ScenarioLoader.load(ScenarioLibrary.find("quickstart").orElseThrow());
        var again = ScenarioLoader.load(new ScenarioSource("resolved.yaml", loaded.resolvedYaml()));
        assertThat(again.spec()).isEqualTo(loaded.spec());
        assertThat(again.resolvedYaml()).isEqualTo(loaded.resolvedYaml());
    }

    @Test
    void unknownKeyNamesFileLinePathAndSuggestion() {
        ScenarioException e = failure("""
                name: tiny
                world:
                  catalog:
                    titels: 5
                cells:
                  - name: pop
                    ranker: {type: popularity}
                """);
        assertThat(e.origin()).isEqualTo("s.yaml");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.yamlPath()).isEqualTo("world.catalog.titels");
        assertThat(e.problem()).startsWith("unknown key 'titels' (did you mean 'titles'?); expected one of [");
        assertThat(e.getMessage()).startsWith("s.yaml:4:5: at world.catalog.titels: unknown key 'titels'");
    }

    @Test
    void unknownRankerTypeSuggestsTheClosest() {
        ScenarioException e = failure("""
                name: tiny
                cells:
                  - name: pop
                    ranker: {type: popularty}
                """);
        assertThat(e.yamlPath()).isEqualTo("cells[0].ranker.type");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).isEqualTo("unknown ranker type 'popularty' (did you mean 'popularity'?); known types: "
                + dev.loopsim.policies.PolicyRegistry.rankers().stream().map(t -> t.name()).toList());
    }

    @Test
    void ruleViolationsPointAtTheKeyAndSpeakYaml() {
        ScenarioException e = failure("""
                name: tiny
                world:
                  visits: {decay_days: -1}
                cells:
                  - name: pop
                    ranker: {type: popularity, prior_weight: -2}
                """);
        assertThat(e.yamlPath()).isEqualTo("world.visits.decay_days");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).isEqualTo("decay_days must be > 0 and finite, found -1");
    }

    @Test
    void rankerParametersAreValidatedToo() {
        ScenarioException e = failure("""
                name: tiny
                cells:
                  - name: pop
                    ranker: {type: popularity, prior_weight: -2}
                """);
        assertThat(e.yamlPath()).isEqualTo("cells[0].ranker.prior_weight");
        assertThat(e.problem()).isEqualTo("prior_weight must be >= 0 and finite, found -2");
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertThat(failure("name: t\nworld: {population: {members: lots}}\ncells: [{name: a, ranker: {type: random}}]\n").problem())
                .isEqualTo("expected a whole number, found 'lots'");
        assertThat(failure("name: t\nworld: {catalog: {titles: 5.5}}\ncells: [{name: a, ranker: {type: random}}]\n").problem())
                .isEqualTo("expected a whole number, found '5.5'");
        assertThat(failure("name: t\nupdate_every: soon\ncells: [{name: a, ranker: {type: random}}]\n").problem())
                .startsWith("expected a duration such as 30m, 1h, 2d or 1w");
    }

    @Test
    void brokenYamlHasALineAndOneLineOfExplanation() {
        ScenarioException e = failure("name: t\ncells:\n  - name: a\n    ranker: {type: random\n");
        assertThat(e.line()).isGreaterThan(0);
        assertThat(e.problem()).startsWith("not valid YAML: ").doesNotContain("\n");
    }

    private static final String OPE = """
            name: o
            page: {rows: 1, columns: 1}
            cells:
              - {name: log, ranker: {type: random}}
              - {name: best, ranker: {type: oracle}}
            ope: {logging: log, targets: [best]}
            """;

    @Test
    void opeAndLogsAreCheckedAgainstTheCellsAndThePage() throws ScenarioException {
        var spec = ScenarioLoader.load(new ScenarioSource("s.yaml", OPE + "expectations: [best.ope_switch_dr_covered > 0.5]\n"))
                .spec();
        assertThat(spec.ope().estimators()).containsExactly("replay", "ips", "ips-clipped", "snips", "dm", "dr", "sndr", "dr-os",
                "switch-dr");
        // A page of several slots takes the slate estimators, a deterministic target and a random logger.
        assertThat(ScenarioLoader.load(new ScenarioSource("s.yaml", OPE.replace("columns: 1", "columns: 3"))).spec().ope().estimators())
                .containsExactly("slate-sips", "slate-iips", "slate-rips", "slate-pi");
        ScenarioException bandit = failure(OPE, "page.columns=3", "ope.estimators=[ips]");
        assertThat(bandit.problem()).contains("'ips' does not fit a page of 3 slots", "slate-sips");
        assertThat(bandit.getMessage()).contains("ope.estimators[0]");
        String randomTarget = OPE.replace("columns: 1", "columns: 3").replace("targets: [best]", "targets: [rnd]")
                .replace("  - {name: best", "  - {name: rnd, ranker: {type: random}}\n  - {name: best");
        assertThat(failure(randomTarget).problem()).contains("targets must be deterministic rankers", "'rnd' chooses at random");
        assertThat(failure(OPE, "page.columns=3", "ope.estimators=[slate-rips]", "cells.log.explore=0.1").problem())
                .contains("logging cell must be ranker {type: random}");
        assertThat(failure(OPE, "ope.estimators=[slate-sips]").problem()).contains("does not fit a page of 1 slot");
        assertThat(failure(OPE.replace("type: random", "type: popularity")).problem())
                .contains("must choose at random with known probabilities");
        assertThat(failure(OPE.replace("type: random", "type: popularity"), "cells.log.explore=0.1")).isNull();
        ScenarioException target = failure(OPE.replace("targets: [best]", "targets: [nobody]"));
        assertThat(target.yamlPath()).isEqualTo("ope.targets[0]");
        assertThat(target.problem()).contains("'nobody' is not a cell");
        assertThat(failure(OPE + "expectations: [log.ope_ips_covered > 0.5]\n").problem())
                .contains("ope metrics belong to the ope block's targets");
        assertThat(failure(OPE.replace("targets: [best]}", "targets: [best], estimators: [magic]}")).problem())
                .contains("unknown estimator 'magic'");
        assertThat(failure(OPE.replace("{type: oracle}", "{type: thompson}")).problem()).contains("ranks by thompson");
        assertThat(failure(OPE.replace("{type: oracle}", "{type: slateq}")).problem()).contains("ranks by slateq");
        assertThat(failure(OPE.replace("{type: oracle}", "{type: slateq, exploration: 0}"))).isNull();
        assertThat(failure(MINIMAL + "logs: [impressions, clicks]\n").problem()).contains("expected one of [impressions, plays, visits, rewards, observations], found 'clicks'");
        assertThat(failure(MINIMAL + "log_format: xml\n").problem()).isEqualTo("expected one of [parquet, csv, both], found 'xml'");
        assertThat(failure(MINIMAL, "cells.pop.explore=1.5").yamlPath()).isEqualTo("cells[0].explore");
    }

    @Test
    void aCiBlockAppliesOnlyWhenAskedFor() throws ScenarioException {
        String yaml = MINIMAL + "replicates: 8\nci: {replicates: 2, horizon_days: 7}\n";
        var full = ScenarioLoader.load(new ScenarioSource("s.yaml", yaml)).spec();
        assertThat(full.replicates()).isEqualTo(8);
        var small = ScenarioLoader.sweep(new ScenarioSource("s.yaml", yaml), List.of(), true).points().get(0).loaded().spec();
        assertThat(small.replicates()).isEqualTo(2);
        assertThat(small.horizonDays()).isEqualTo(7);
        assertThat(ScenarioLoader.sweep(new ScenarioSource("s.yaml", yaml), List.of("replicates=3"), true).points().get(0)
                .loaded().spec().replicates()).isEqualTo(3); // the command line still wins
        assertThat(catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.sweep(new ScenarioSource("s.yaml",
                MINIMAL + "ci: {replicates: 0}\n"), List.of(), true)).getMessage()).contains("replicates=0", "replicates must be >= 1");
    }

    @Test
    void abTestsAreChecked() throws ScenarioException {
        String ab = "name: ab\nmode: ab-test\ncells:\n  - {name: a, ranker: {type: random}}\n  - {name: b, ranker: {type: oracle}}\n";
        var spec = ScenarioLoader.load(new ScenarioSource("s.yaml", ab + "expectations: [b.pooled_take_fraction_d28 > a.pooled_take_fraction_d28]\n")).spec();
        assertThat(spec.abTest().readouts(30)).containsExactly(28, 30);
        assertThat(spec.abTest().shares(2)).containsExactly(0.5, 0.5);
        assertThat(failure(MINIMAL, "mode=ab-test").problem()).contains("at least two cells");
        assertThat(failure(ab, "mode=ab").problem()).isEqualTo("expected one of [counterfactual, ab-test], found 'ab'");
        assertThat(failure(ab, "mode=ab-tset").problem()).endsWith("(did you mean 'ab-test'?)");
        assertThat(failure(ab, "ab_test.allocation=[0.3, 0.3]").problem()).contains("must sum to 1");
        assertThat(failure(ab, "ab_test.allocation=[0.2, 0.3, 0.5]").problem()).contains("a share for each of the 2 cells");
        assertThat(failure(ab, "ab_test.training=[shared]").yamlPath()).isEqualTo("ab_test.training[0]");
        assertThat(failure(ab, "ab_test.training=[per-cell, per-cell]").problem()).contains("found [per-cell, per-cell]");
        assertThat(failure(ab + "expectations: [b.per_cell_take_fraction_d28 > a.per_cell_take_fraction_d28]\n").problem())
                .contains("names metric 'per_cell_take_fraction_d28'");
        assertThat(failure(ab, "cells.a.search_share=0.2").problem()).contains("every cell shares the world's search share");
    }

    @Test
    void crossFieldRulesNameTheItem() {
        ScenarioException duplicate = failure("name: t\ncells:\n  - {name: a, ranker: {type: random}}\n  - {name: a, ranker: {type: oracle}}\n");
        assertThat(duplicate.yamlPath()).isEqualTo("cells[1].name");
        assertThat(duplicate.line()).isEqualTo(4);
        ScenarioException expectation = failure(MINIMAL + "expectations:\n  - pop.take_fraction > other.take_fraction\n");
        assertThat(expectation.yamlPath()).isEqualTo("expectations[0]");
        assertThat(expectation.line()).isEqualTo(6);
        assertThat(expectation.problem()).contains("names cell 'other'");
        assertThat(failure(MINIMAL + "expectations: [pop.take_fractoin > pop.plays_per_visit]\n").problem())
                .contains("names metric 'take_fractoin'");
        assertThat(failure("name: t\ncells: []\n").problem()).startsWith("cells must list at least one cell");
        assertThat(failure("cells: [{name: a, ranker: {type: random}}]\n").problem()).startsWith("name is required");
    }

    @Test
    void overridesAreValidatedLikeTheFile() throws ScenarioException {
        var spec = ScenarioLoader.load(new ScenarioSource("s.yaml", MINIMAL),
                List.of("world.population.members=300", "cells.pop.retrain_every=2d", "metrics.retention_days=[7]")).spec();
        assertThat(spec.world().population().members()).isEqualTo(300);
        assertThat(spec.cells().get(0).retrainEvery().value()).isEqualTo(2);
        assertThat(spec.metrics().retentionDays()).containsExactly(7);
        ScenarioException bad = failure(MINIMAL, "world.population.members=-3");
        assertThat(bad.origin()).isEqualTo("--set world.population.members=-3");
        assertThat(bad.problem()).isEqualTo("members must be >= 1, found -3");
        assertThat(failure(MINIMAL, "cells.popu.retrain_every=1d").problem())
                .isEqualTo("cells has no item named 'popu' (did you mean 'pop'?); names: [pop]");
        assertThat(failure(MINIMAL, "novalue").problem()).startsWith("expected KEY.PATH=VALUE");
        assertThat(failure(MINIMAL, "world.catalog.titels=4").problem()).startsWith("unknown key 'titels'");
    }

    @Test
    void movieLensCatalogsTakeTheirGenresFromTheData() throws ScenarioException {
        ScenarioException e = failure("name: t\nworld:\n  catalog: {from: movielens, genres: 8}\ncells: [{name: a, ranker: {type: random}}]\n");
        assertThat(e.yamlPath()).isEqualTo("world.catalog.genres");
        assertThat(e.problem()).isEqualTo("genres comes from the data with from: movielens; leave it out (or 0), found 8");
        assertThat(failure("name: t\nworld:\n  catalog: {from: imdb}\ncells: [{name: a, ranker: {type: random}}]\n").problem())
                .isEqualTo("expected one of [synthetic, movielens], found 'imdb'");
        var spec = ScenarioLoader.load(new ScenarioSource("s.yaml",
                "name: t\nworld:\n  catalog: {from: movielens}\ncells: [{name: a, ranker: {type: random}}]\n")).spec();
        assertThat(spec.world().catalog().movieLens()).isTrue();
    }

    @Test
    void emptyAndNonMappingDocumentsAreRejected() {
        assertThat(failure("").problem()).startsWith("the scenario is empty");
        assertThat(failure("- a\n- b\n").problem()).startsWith("expected a mapping");
    }

    static List<String> bundled() {
        return ScenarioLibrary.names();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void everyBundledScenarioIsValid(String name) throws ScenarioException {
        ScenarioLoader.sweep(ScenarioSource.resolve(name), List.of(), true); // its ci size too
        var loaded = ScenarioLoader.sweep(ScenarioSource.resolve(name), List.of()).points().get(0).loaded();
        assertThat(loaded.spec().name()).isEqualTo(name);
        assertThat(loaded.spec().description()).isNotBlank();
    }

    @Test
    void theIndexListsExactlyTheYamlFilesOfTheLibrary() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("library"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - 5)).sorted().toList();
            assertThat(ScenarioLibrary.names().stream().sorted().toList()).isEqualTo(onDisk);
        }
    }
}

package dev.loopsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loopsim.users.visit.SelfExcitingParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelIncludeTest {
    private static final String FITTED = """
            # written by loopsim fit
            visit_model:
              visits: {type: self-exciting, excitation: 0.3, decay_days: 4.5, window: 7, daily_amplitude: 0.2,
                       daily_peak_hour: 21, weekly_amplitude: 0.1, weekly_peak_day: 6, visit_at_join: true}
              population: {visits_per_week_median: 1.25, visit_rate_sd_log: 1.5}
            fit: {members: 10}
            """;

    @TempDir
    Path temp;

    private ScenarioLoader.Loaded load(String world) throws Exception {
        Path scenario = temp.resolve("scenario.yaml");
        Files.writeString(scenario, "name: t\nworld:\n" + world + "cells: [{name: a, ranker: {type: random}}]\n");
        return ScenarioLoader.load(ScenarioSource.resolve(scenario.toString()));
    }

    @Test
    void aFittedFileBesideTheScenarioSetsVisitsAndPopulationUnderTheScenariosOwnKeys() throws Exception {
        Files.writeString(temp.resolve("fitted.yaml"), FITTED);
        var loaded = load("  visit_model: fitted\n  population: {members: 50, visit_rate_sd_log: 0.5}\n");
        var world = loaded.spec().world();
        assertThat(world.visits().parameters()).isEqualTo(new SelfExcitingParameters(0.3, 4.5, 7, 0.2, 21, 0.1, 6, true));
        assertThat(world.population().visitsPerWeekMedian()).isEqualTo(1.25);
        assertThat(world.population().visitRateSdLog()).isEqualTo(0.5); // the scenario's own value wins
        assertThat(world.population().members()).isEqualTo(50);
        // The resolved scenario holds the values, not the reference: it reproduces the run alone.
        assertThat(loaded.resolvedYaml()).contains("decay_days: 4.5").doesNotContain("visit_model");
    }

    @Test
    void theBundledMovieLensModelLoads() throws Exception {
        var visits = (SelfExcitingParameters) load("  visit_model: visit-models/movielens\n").spec().world().visits().parameters();
        assertThat(visits.visitAtJoin()).isTrue();
        assertThat(visits.decayDays()).isGreaterThan(1);
    }

    @Test
    void aMissingFileNamesTheScenarioLineAndWhereItLooked() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load("  visit_model: nowhere/model\n"));
        assertThat(e.yamlPath()).isEqualTo("world.visit_model");
        assertThat(e.getMessage()).contains("scenario.yaml:3:").contains("no visit model 'nowhere/model'");
    }

    @Test
    void aFileWithoutAVisitModelBlockOrWithStrayKeysIsRejectedWithItsOwnName() throws Exception {
        Files.writeString(temp.resolve("bad.yaml"), "visits: {excitation: 1}\n");
        assertThat(catchThrowableOfType(ScenarioException.class, () -> load("  visit_model: bad\n")).getMessage())
                .contains("bad.yaml").contains("expected a 'visit_model:' mapping");
        Files.writeString(temp.resolve("stray.yaml"), "visit_model:\n  visits: {}\n  catalog: {titles: 5}\n");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load("  visit_model: stray\n"));
        assertThat(e.getMessage()).contains("stray.yaml:3:").contains("unknown key 'catalog'");
    }

    private static final String RESPONSE = """
            response_model:
              response: {type: position-based-click, examination: [0.5, 1.0], quality_weight: 0, genre_weight: 0,
                         latent_weight: 1, no_play_utility: 0}
              page: {rows: 1, columns: 2}
              churn: {min_visits_per_week: 0}
              fitted:
                items: ["0", "1", "2"]
                attraction_logits: [[-4.0, -3.5], [-5.0, -4.5], [-3.0, -3.2]]
                contexts: [a, b]
                context_shares: [0.25, 0.75]
            fit: {impressions: 10}
            """;

    @Test
    void aResponseModelSetsTheResponseThePageAndTheFittedWorld() throws Exception {
        Files.writeString(temp.resolve("clicks.yaml"), RESPONSE);
        var loaded = load("  response_model: clicks\n  population: {members: 40}\n");
        var world = loaded.spec().world();
        assertThat(world.response().type()).isEqualTo("position-based-click");
        assertThat(world.response().examination()).containsExactly(0.5, 1.0);
        assertThat(world.response().latentWeight()).isEqualTo(1);
        assertThat(loaded.spec().page().columns()).isEqualTo(2);
        assertThat(world.fitted().items()).hasSize(3);
        assertThat(world.fitted().contextShares()).containsExactly(0.25, 0.75);
        assertThat(world.churn().minVisitsPerWeek()).isZero();
        var built = new dev.loopsim.scenarios.run.WorldBuilder(loaded.spec()).world(0);
        assertThat(built.catalog().size()).isEqualTo(3);
        assertThat(built.catalog().title(2).latent()).containsExactly(-3.0, -3.2);
        // Every member is in one context: their latent vector is its indicator.
        for (var member : built.members()) {
            assertThat(member.latent()[0] + member.latent()[1]).isEqualTo(1);
        }
    }

    @Test
    void aFittedWorldWhoseLogitsDoNotMatchItsContextsIsRefusedWithThePath() throws Exception {
        Files.writeString(temp.resolve("clicks.yaml"), RESPONSE.replace("[-3.0, -3.2]", "[-3.0]"));
        var e = catchThrowableOfType(ScenarioException.class, () -> load("  response_model: clicks\n"));
        assertThat(e.getMessage()).contains("attraction_logits[2] must have one logit per context (2), found 1");
    }

    @Test
    void aVisitModelBesideAResponseModelReplacesItsPlaceholderVisitsWhole() throws Exception {
        Files.writeString(temp.resolve("clicks.yaml"), RESPONSE.replace("  churn: {min_visits_per_week: 0}\n",
                "  churn: {min_visits_per_week: 0}\n  visits: {type: self-exciting, excitation: 0}\n"));
        var loaded = load("  response_model: clicks\n  visits: {type: additive}\n");
        assertThat(loaded.spec().world().visits().type()).isEqualTo("additive");
    }
}

package dev.loopsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loopsim.users.visit.SelfExcitingParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitModelIncludeTest {
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
}

package dev.loopsim.cli;

import static dev.loopsim.cli.CommandLineTest.loopsim;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.users.visit.SelfExcitingParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
    @TempDir
    Path temp;
    Path events;

    /** 80 members visiting as a Poisson process of 0.6 a day for 60 days, with 5-star ratings. */
    @BeforeEach
    void writeALog() throws Exception {
        UniformRandomProvider random = RandomStreams.of(5, 0).forWorld("log");
        StringBuilder csv = new StringBuilder("userId,movieId,rating,timestamp\n");
        Instant start = Instant.parse("2024-03-04T00:00:00Z");
        for (int member = 1; member <= 80; member++) {
            double t = 0;
            while ((t -= Math.log(1 - random.nextDouble()) / 0.6) < 60) {
                long seconds = start.getEpochSecond() + (long) (t * 86_400);
                csv.append(member).append(',').append(random.nextInt(100)).append(',')
                        .append(1 + random.nextInt(5)).append(',').append(seconds).append('\n');
            }
        }
        events = temp.resolve("ratings.csv");
        Files.writeString(events, csv);
    }

    @Test
    void fitNeverOverwritesItsInputAndReplacesAnOutputOnlyWithForce() throws Exception {
        byte[] log = Files.readAllBytes(events);
        var ontoInput = loopsim("fit", "--events", events.toString(), "--out", events.toString(), "--force");
        assertThat(ontoInput.code()).isEqualTo(2);
        assertThat(ontoInput.err()).contains("is the input");
        Path out = temp.resolve("model.yaml");
        Files.writeString(out, "mine\n");
        var onto = loopsim("fit", "--events", events.toString(), "--out", out.toString());
        assertThat(onto.code()).isEqualTo(2);
        assertThat(onto.err()).contains("exists already").contains("--force");
        assertThat(Files.readString(out)).isEqualTo("mine\n");
        assertThat(Files.readAllBytes(events)).isEqualTo(log);
        var forced = loopsim("fit", "--events", events.toString(), "--out", out.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(out)).contains("visit_model:");
    }

    @Test
    void fitWritesAVisitModelThatAScenarioRunsOnAndItsDiagnostics() throws Exception {
        Path out = temp.resolve("models/fitted.yaml");
        var o = loopsim("fit", "--events", events.toString(), "--out", out.toString(), "--reward-scale", "0.2",
                "--holdout-days", "10");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        assertThat(o.out()).contains("80 members", "excitation", "decay_days", "visits_per_week_median",
                "time-rescaling KS statistic", "held out: the last 10.00 days", "per-member count MAE");
        assertThat(Files.readString(out)).contains("visit_model:", "visit_at_join: true", "standard_error", "poisson_baseline");
        assertThat(Files.readAllLines(temp.resolve("models/fitted.members.csv"))).hasSize(81);
        assertThat(Files.readAllLines(temp.resolve("models/fitted.qq.csv"))).hasSize(201);
        byte[] png = Files.readAllBytes(temp.resolve("models/fitted.qq.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        // A scenario beside the models folder takes the fitted block.
        Path scenario = temp.resolve("s.yaml");
        Files.writeString(scenario, "name: s\nhorizon_days: 5\nworld:\n  population: {members: 100}\n"
                + "  visit_model: models/fitted\ncells: [{name: a, ranker: {type: random}}]\n");
        var visits = (SelfExcitingParameters) ScenarioLoader.load(ScenarioSource.resolve(scenario.toString()))
                .spec().world().visits().parameters();
        assertThat(visits.visitAtJoin()).isTrue();
        var run = loopsim("run", scenario.toString(), "--out", temp.resolve("run").toString(), "-q");
        assertThat(run.code()).as(run.err()).isEqualTo(0);
    }

    @Test
    void poissonDataFitsWithLittleExcitationAndAPassingKsTest() throws Exception {
        Path out = temp.resolve("poisson.yaml");
        var o = loopsim("fit", "--events", events.toString(), "--out", out.toString(), "--no-rewards");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        var fit = ScenarioLoader.mapper().readTree(out.toFile()).get("fit");
        var excitation = fit.get("estimates").get("excitation");
        // No excitation in the data: 0 lies within 3 standard errors of the estimate.
        assertThat(Math.abs(excitation.get("value").asDouble())).isLessThan(3 * excitation.get("standard_error").asDouble());
        var rate = fit.get("estimates").get("visits_per_week_median");
        assertThat(rate.get("value").asDouble()).isBetween(4.2 - 3 * rate.get("standard_error").asDouble() - 0.3,
                4.2 + 3 * rate.get("standard_error").asDouble() + 0.3);
        var ks = fit.get("time_rescaling");
        assertThat(ks.get("ks_statistic").asDouble()).isLessThan(1.2 * ks.get("ks_critical_5pct").asDouble());
    }

    @Test
    void theAdditiveFormWritesAnAdditiveBlockThatLoads() throws Exception {
        Path out = temp.resolve("additive.yaml");
        var o = loopsim("fit", "--events", events.toString(), "--out", out.toString(), "--form", "additive");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        assertThat(o.out()).contains("additive visit model", "time_rate_per_day", "jump_per_day");
        Path scenario = temp.resolve("s.yaml");
        Files.writeString(scenario, "name: s\nworld:\n  visit_model: additive\ncells: [{name: a, ranker: {type: random}}]\n");
        var spec = ScenarioLoader.load(ScenarioSource.resolve(scenario.toString())).spec();
        assertThat(spec.world().visits().type()).isEqualTo("additive");
        assertThat(loopsim("fit", "--events", events.toString(), "--form", "hawkes").code()).isEqualTo(2);
    }

    @Test
    void aFittedHazardOfChurnIsWrittenAndAScenarioRunsWithIt() throws Exception {
        Path out = temp.resolve("leaving.yaml");
        var o = loopsim("fit", "--events", events.toString(), "--out", out.toString(), "--churn", "hazard", "--no-daily",
                "--no-weekly");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        assertThat(o.out()).contains("churn_rate_per_week", "churn_satisfaction_weight");
        var fitted = ScenarioLoader.mapper().readTree(out.toFile());
        assertThat(fitted.get("visit_model").get("churn").get("type").asText()).isEqualTo("hazard");
        assertThat(fitted.get("fit").get("estimates").has("churn_rate_per_week")).isTrue();
        Path scenario = temp.resolve("s.yaml");
        Files.writeString(scenario, "name: s\nhorizon_days: 5\nworld:\n  population: {members: 100}\n"
                + "  visit_model: leaving\ncells: [{name: a, ranker: {type: random}}]\n");
        var churn = ScenarioLoader.load(ScenarioSource.resolve(scenario.toString())).spec().world().churn();
        assertThat(churn.type()).isEqualTo(dev.loopsim.users.visit.ChurnParameters.Rule.HAZARD);
        assertThat(churn.ratePerWeek()).isEqualTo(fitted.get("visit_model").get("churn").get("rate_per_week").asDouble());
        var run = loopsim("run", scenario.toString(), "--out", temp.resolve("run").toString(), "-q");
        assertThat(run.code()).as(run.err()).isEqualTo(0);
        var bad = loopsim("fit", "--events", events.toString(), "--churn", "threshold");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--churn must be one of none, hazard, found 'threshold'");
    }

    @Test
    void aGenreColumnFitsAnExcitationPerGenreThatAScenarioRunsWith() throws Exception {
        // The ratings log with each event's genre: the movie's parity, empty for every tenth movie.
        Path withGenres = temp.resolve("genres.csv");
        StringBuilder csv = new StringBuilder("userId,movieId,rating,timestamp,genre\n");
        Files.readAllLines(events).stream().skip(1).forEach(line -> {
            int movie = Integer.parseInt(line.substring(line.indexOf(',') + 1, line.indexOf(',', line.indexOf(',') + 1)));
            csv.append(line).append(',').append(movie % 10 == 0 ? "" : Integer.toString(movie % 2)).append('\n');
        });
        Files.writeString(withGenres, csv);
        Path out = temp.resolve("genres.yaml");
        var o = loopsim("fit", "--events", withGenres.toString(), "--out", out.toString(), "--genre-column", "genre",
                "--reward-scale", "0.2", "--no-daily", "--no-weekly");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        assertThat(o.out()).contains("excitation by genre: 2 genres of at least 30 visits", "excitation_genre_0", "excitation_genre_1");
        var fitted = ScenarioLoader.mapper().readTree(out.toFile());
        var byGenre = fitted.get("visit_model").get("visits").get("excitation_by_genre");
        assertThat(byGenre.has("0") && byGenre.has("1")).isTrue();
        Path scenario = temp.resolve("g.yaml");
        Files.writeString(scenario, "name: g\nhorizon_days: 5\nworld:\n  catalog: {genres: 2}\n  population: {members: 100}\n"
                + "  visit_model: genres\ncells: [{name: a, ranker: {type: random}}]\n");
        var visits = (SelfExcitingParameters) ScenarioLoader.load(ScenarioSource.resolve(scenario.toString())).spec().world()
                .visits().parameters();
        assertThat(visits.excitationByGenre().get(1)).isEqualTo(byGenre.get("1").asDouble());
        var run = loopsim("run", scenario.toString(), "--out", temp.resolve("run").toString(), "-q");
        assertThat(run.code()).as(run.err()).isEqualTo(0);

        var pooled = loopsim("fit", "--events", withGenres.toString(), "--out", temp.resolve("p.yaml").toString(),
                "--genre-column", "genre", "--min-genre-visits", "100000", "--no-daily", "--no-weekly");
        assertThat(pooled.out()).contains("excitation by genre: 0 genres of at least 100000 visits; [1, 0] share the excitation");
        var missing = loopsim("fit", "--events", events.toString(), "--genre-column", "kind");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("ratings.csv:1: no genre column 'kind'");
        var additive = loopsim("fit", "--events", withGenres.toString(), "--genre-column", "genre", "--form", "additive");
        assertThat(additive.code()).isEqualTo(2);
        assertThat(additive.err()).contains("--genre-column needs --form self-exciting");
    }

    @Test
    void aParquetLogFitsLikeItsCsv() throws Exception {
        Path parquet = temp.resolve("ratings.parquet");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + events + "', header = true)) TO '" + parquet + "' (FORMAT PARQUET)");
        }
        var fromParquet = loopsim("fit", "--events", parquet.toString(), "--out", temp.resolve("p.yaml").toString(), "--no-rewards");
        var fromCsv = loopsim("fit", "--events", events.toString(), "--out", temp.resolve("c.yaml").toString(), "--no-rewards");
        assertThat(fromParquet.code()).as(fromParquet.err()).isEqualTo(0);
        // The same estimates, line for line, after the first line (which names the file).
        assertThat(fromParquet.out().lines().skip(1).filter(l -> !l.startsWith("wrote")).toList())
                .isEqualTo(fromCsv.out().lines().skip(1).filter(l -> !l.startsWith("wrote")).toList());
    }

    @Test
    void aBadRowIsOneMessageWithFileAndLineAndExitCode2() throws Exception {
        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "member,timestamp\na,100\nb,tuesday\n");
        var o = loopsim("fit", "--events", bad.toString(), "--out", temp.resolve("m.yaml").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("loopsim: " + bad + ":3: timestamp must be a number (seconds) or an ISO-8601 date-time, found 'tuesday'");
        assertThat(temp.resolve("m.yaml")).doesNotExist();
    }

    @Test
    void badArgumentsAndLogsTooThinToFitExitWith2() throws Exception {
        assertThat(loopsim("fit", "--events", events.toString(), "--session-gap", "soon").code()).isEqualTo(2);
        assertThat(loopsim("fit", "--events", events.toString(), "--time-unit", "weeks").code()).isEqualTo(2);
        assertThat(loopsim("fit", "--events", temp.resolve("missing.csv").toString()).err()).contains("missing.csv: no such file");
        Path single = temp.resolve("single.csv");
        Files.writeString(single, "member,timestamp\na,100\nb,200\n");
        var o = loopsim("fit", "--events", single.toString(), "--out", temp.resolve("x.yaml").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("single.csv").contains("at least two");
    }

    /** OBD's uniform-random log gives a response model whose world a scenario runs, with the log's click rate. */
    @Test
    void fitImpressionsWritesAResponseModelThatAScenarioRunsWith() throws Exception {
        Path model = temp.resolve("r.yaml");
        var fit = loopsim("fit", "--impressions", "../data/obd-sample/random/men", "--out", model.toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("10,000 impressions, 46 clicks").contains("uniform logging")
                .contains("log-likelihood / impr.").contains("decile 10");
        String yaml = Files.readString(model);
        assertThat(yaml).contains("response_model:", "type: position-based-click", "attraction_logits:", "context_shares:",
                "standard_error:", "calibration_by_decile:", "per_slot_baseline:");
        Path scenario = temp.resolve("obd.yaml");
        Files.writeString(scenario, """
                name: obd-world
                seed: 3
                horizon_days: 28
                world: {response_model: r, population: {members: 3000}}
                cells: [{name: random, ranker: {type: random}}]
                """);
        Path run = temp.resolve("run");
        var ran = loopsim("run", scenario.toString(), "--out", run.toString());
        assertThat(ran.code()).as(ran.err()).isZero();
        // The fitted model's mean click rate on uniformly random pages is the log's 46 / 10,000 (its
        // intercept's score equation), and the simulation's ~130,000 impressions have a standard error
        // of about 0.0002: ±0.001 is 5 of them, a false failure less than once in a million.
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("summary.json").toFile());
        double take = summary.findPath("take_fraction").findPath("mean").asDouble();
        assertThat(take).isBetween(0.0046 - 0.001, 0.0046 + 0.001);
    }

    /** A loopsim run's impressions say how much of each play was watched: the response model carries that too. */
    @Test
    void fitImpressionsOnALoopsimRunAlsoFitsWatching() throws Exception {
        Path scenario = temp.resolve("logged.yaml");
        Files.writeString(scenario, "name: logged\nseed: 2\nhorizon_days: 14\nworld:\n  catalog: {titles: 40}\n"
                + "  population: {members: 200}\npage: {rows: 2, columns: 5}\ncells: [{name: random, ranker: {type: random}}]\n"
                + "logs: [impressions]\n");
        var run = loopsim("run", scenario.toString(), "--out", temp.resolve("run").toString(), "-q");
        assertThat(run.code()).as(run.err()).isZero();
        Path model = temp.resolve("watched.yaml");
        var fit = loopsim("fit", "--impressions", temp.resolve("run").toString(), "--out", model.toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("watching:", "watch_offset", "watch_concentration");
        var response = ScenarioLoader.mapper().readTree(model.toFile()).get("response_model").get("response");
        assertThat(response.get("watch_offset").asDouble()).isPositive(); // a play is watched far more than it is clicked
        assertThat(response.get("watch_concentration").asDouble()).isPositive();
    }

    @Test
    void fitImpressionsNamesTheFileAndLineOfABadRow() throws Exception {
        Path log = temp.resolve("bad.csv");
        java.util.List<String> lines = Files.readAllLines(Path.of("../data/obd-sample/random/men/men.csv"));
        String[] fields = lines.get(5).split(",", -1);
        fields[5] = "1.5";  // propensity_score
        lines.set(5, String.join(",", fields));
        Files.write(log, lines);
        var fit = loopsim("fit", "--impressions", log.toString(), "--out", temp.resolve("r.yaml").toString());
        assertThat(fit.code()).isEqualTo(2);
        assertThat(fit.err()).contains("bad.csv:6").contains("propensity_score must be in (0, 1], found 1.5");
        assertThat(loopsim("fit", "--events", events.toString(), "--impressions", log.toString()).err())
                .contains("give one of --events FILE");
    }
}

package dev.loopsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input, generated from a fixed seed: scenarios with a field set to an absurd value or
 * their text cut or corrupted, command lines with bad flags, and logs with broken rows. Every
 * case must end within {@link #BOUND_SECONDS} with exit 0, 1 or 2, print no stack trace, and
 * keep its message to a readable length: about 560 cases in a few seconds. A failing case prints
 * its arguments; the ones found are kept as regression tests beside the code they broke (an
 * unterminated quote in a log: {@code OpenBanditDatasetTest}).
 */
class FuzzTest {
    static final int BOUND_SECONDS = 20;
    /** The generators' seed: fixed, so CI runs the same cases; {@code -Dfuzz.seed=N} explores others. */
    private static final long SEED = Long.getLong("fuzz.seed", 20261202);
    private static final String BASE = """
            name: fuzz
            replicates: 2
            horizon_days: 3
            world:
              catalog: {titles: 30}
              population: {members: 40}
            cells:
              - {name: a, ranker: {type: random}}
              - {name: b, ranker: {type: popularity}}
            expectations:
              - b.take_fraction > a.take_fraction
            """;
    private static final List<String> PATHS = List.of("replicates", "horizon_days", "update_every", "shards", "seed",
            "world.catalog.titles", "world.catalog.genres", "world.catalog.latent_dim", "world.population.members",
            "world.population.visits_per_week_median", "world.population.taste_concentration", "world.population.visit_rate_sd_log",
            "world.response.quality_weight", "world.response.temperature", "world.dynamics.boredom_weight", "world.visits.excitation",
            "world.visits.type", "world.churn.min_visits_per_week", "page.rows", "page.columns", "cells.a.ranker.type",
            "cells.b.retrain_every", "cells.a.explore", "metrics.confidence", "metrics.retention_days", "metrics.multiple_testing",
            "expectations", "logs", "log_format", "mode", "ope", "name", "cells", "world", "bandit", "sweep.grid.seed");
    private static final List<String> VALUES = List.of("-1", "0", "1", "1e308", "-1e308", "1e-300", ".nan", ".inf", "-.inf",
            "abc", "''", "[]", "{}", "[1, 2]", "null", "2147483648", "99999999999999999999", "1d", "-3h", "0.5", "1m", "😀",
            "true", "[a.take_fraction > b.nope]", "{logging: a, targets: [b]}", "[impressions]", "ab-test", "{type: linear}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "!!java.lang.Runtime x", "*nope", "'\\u0000'");
    private static final List<List<String>> COMMANDS = List.of(
            List.of("run", "--threads", "-5"), List.of("run", "--threads", "abc"), List.of("bench", "--runs", "0"),
            List.of("list", "nothing"), List.of("report", "no-such-run"), List.of("compare", "a", "b"),
            List.of("ope", "--logs", "nowhere", "--target", "uniform"), List.of("ope", "--target", "uniform"),
            List.of("fit", "--events", "nowhere.csv"), List.of("fit"), List.of("check", "no-such-scenario"),
            List.of("validate"), List.of("run", "--resume", "nowhere"), List.of("--no-such-flag"), List.of(""),
            List.of("ope", "--logs", "../data/obd-sample/random/men", "--target", "epsilon-greedy:2"),
            List.of("ope", "--logs", "../data/obd-sample/random/men", "--target", "item:-3"),
            List.of("ope", "--logs", "../data/obd-sample/random/men", "--target", "uniform", "--train-share", "1"),
            List.of("ope", "--logs", "../data/obd-sample/random/men", "--target", "logged:nowhere"),
            List.of("fit", "--events", "../data/ml-latest-small/ratings.csv", "--holdout-days", "-1"),
            List.of("validate", "quickstart", "--set", "=="), List.of("validate", "quickstart", "--set", "a.b.c=1"),
            List.of("fit", "--impressions", "nowhere"), List.of("fit", "--impressions", "../data/obd-sample/random/men", "--holdout-share", "1"),
            List.of("fit", "--impressions", "../data/obd-sample/random/men", "--page-rows", "2"),
            List.of("fit", "--impressions", "../data/obd-sample/random/men", "--weighting", "half"),
            List.of("scorecard", "--draws", "3"), List.of("scorecard", "--only", "nothing"), List.of("scorecard", "--data", "nowhere"),
            List.of("scorecard", "--only", "known-truth", "--replicates", "1"), List.of("bench", "--fit-impressions", "10"));

    @TempDir
    static Path temp;
    private static ExecutorService executor;

    @BeforeAll
    static void start() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true); // a case that hangs past its bound fails the test and is left behind, not waited for
            return t;
        });
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    private static CommandLineTest.Outcome bounded(List<String> args) throws Exception {
        Future<CommandLineTest.Outcome> future = executor.submit(() -> CommandLineTest.loopsim(args.toArray(String[]::new)));
        try {
            return future.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("still running after " + BOUND_SECONDS + " s: loopsim " + String.join(" ", args));
        }
    }

    private static void assertWellBehaved(List<String> args) throws Exception {
        CommandLineTest.Outcome o = bounded(args);
        String what = "loopsim " + String.join(" ", args) + "\nstderr: " + o.err();
        assertThat(o.code()).as(what).isIn(0, 1, 2);
        assertThat(o.err()).as(what).doesNotContain("\tat ", "Exception in thread", "Caused by:")
                .doesNotContainPattern("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*(Exception|Error)\\b"); // a class name is a trace's
        assertThat(o.err().length()).as(what).isLessThan(2_000);
    }

    @Test
    void scenariosWithAFieldSetToAnAbsurdValueAreRefusedOrRunCleanly() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        Path base = temp.resolve("base.yaml");
        Files.writeString(base, BASE);
        for (int i = 0; i < 300; i++) {
            String set = PATHS.get(random.nextInt(PATHS.size())) + "=" + VALUES.get(random.nextInt(VALUES.size()));
            // Mostly validate; every tenth case runs, since a value validate lets through must also run.
            List<String> args = i % 10 == 0 ? List.of("run", base.toString(), "--set", set, "--out", temp.resolve("run" + i).toString(), "-q")
                    : List.of("validate", base.toString(), "--set", set);
            assertWellBehaved(args);
        }
    }

    @Test
    void scenarioTextCutOrCorruptedAnywhereIsRefusedWithALocation() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        String[] junk = {"\t", ":", "- ", "{", "}", "[", "&a ", "*a ", "!!", "\"", "'", "#", "\u0000", "%", "@", "`", "\n  ", "? "};
        for (int i = 0; i < 120; i++) {
            int at = random.nextInt(BASE.length());
            String text = i % 3 == 0 ? BASE.substring(0, at)
                    : BASE.substring(0, at) + junk[random.nextInt(junk.length)] + BASE.substring(at);
            Path file = temp.resolve("corrupt" + i + ".yaml");
            Files.writeString(file, text);
            assertWellBehaved(List.of("validate", file.toString()));
        }
    }

    @Test
    void badCommandLinesExitTwoWithAMessage() throws Exception {
        for (List<String> args : COMMANDS) {
            assertWellBehaved(args);
        }
    }

    @Test
    void brokenLogsAreRefusedByFileAndLine() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        String header = ",timestamp,item_id,position,click,propensity_score,user_feature_0\n";
        String[] fields = {"x", "-3", "99999999", "1e300", "-1e308", "", "NaN", "0", "2", "0.5", "2019-11-24 00:00:00+00:00", "\"",
            "1,2,3"};
        for (int i = 0; i < 40; i++) {
            StringBuilder csv = new StringBuilder(header);
            for (int row = 0; row < 20; row++) {
                String[] cells = {Integer.toString(row), "2019-11-24 00:00:00+00:00", Integer.toString(row % 4), "1",
                    Integer.toString(row % 2), "0.25", "a"};
                if (random.nextInt(4) == 0) {
                    cells[1 + random.nextInt(cells.length - 1)] = fields[random.nextInt(fields.length)];
                }
                String line = String.join(",", cells);
                csv.append(random.nextInt(30) == 0 ? line.substring(0, random.nextInt(line.length())) : line).append('\n');
            }
            Path log = temp.resolve("log" + i + ".csv");
            Files.writeString(log, csv.toString());
            assertWellBehaved(List.of("ope", "--logs", log.toString(), "--target", "uniform", "--target", "item-greedy"));
            Path events = temp.resolve("events" + i + ".csv");
            Files.writeString(events, csv.toString().replace("item_id", "member").replace("timestamp", "time"));
            assertWellBehaved(List.of("fit", "--events", events.toString(), "--out", temp.resolve("fit" + i + ".yaml").toString()));
            assertWellBehaved(List.of("fit", "--impressions", log.toString(), "--out", temp.resolve("clicks" + i + ".yaml").toString()));
        }
    }
}

package dev.loopsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopsim.results.io.RunDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {
    @TempDir
    Path temp;

    record Outcome(int code, String out, String err) { }

    static Outcome loopsim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = LoopsimCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path scenario(String yaml) throws Exception {
        Path file = temp.resolve("s.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String SMALL = """
            name: small
            replicates: 3
            horizon_days: 7
            world:
              catalog: {titles: 60}
              population: {members: 300}
            cells:
              - {name: random, ranker: {type: random}}
              - {name: oracle, ranker: {type: oracle}}
            expectations:
              - oracle.take_fraction > random.take_fraction
            """;

    @Test
    void runWritesACompleteRunDirectoryAndPrintsTheSummary() throws Exception {
        Path out = temp.resolve("run");
        Outcome o = loopsim("run", scenario(SMALL).toString(), "--out", out.toString(), "--threads", "2");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        assertThat(o.out()).contains("take_fraction", "random", "oracle", "PASS  oracle.take_fraction > random.take_fraction",
                "run directory: " + out);
        assertThat(RunDirectory.isComplete(out)).isTrue();
        for (String file : new String[] {"scenario.yaml", "manifest.json", "summary.json", "daily.csv", "runs.csv", "performance.json",
                "expectations.xml"}) {
            assertThat(out.resolve(file)).exists();
        }
        var summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("complete").asBoolean()).isTrue();
        assertThat(summary.at("/cells/oracle/take_fraction/n").asInt()).isEqualTo(3);
        var manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("scenario_sha256").asText()).hasSize(64);
        assertThat(manifest.at("/libraries/mason").asText()).isEqualTo("18");
        assertThat(Files.readString(out.resolve("scenario.yaml"))).contains("seed: 1", "members: 300");
    }

    @Test
    void aFailedExpectationExitsOne() throws Exception {
        Path out = temp.resolve("run");
        Outcome o = loopsim("run", scenario(SMALL.replace("oracle.take_fraction > random", "random.take_fraction > oracle")
                .replace("- random.take_fraction > oracle.take_fraction", "- random.take_fraction > oracle.take_fraction")).toString(),
                "--out", out.toString(), "-q");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL  random.take_fraction > oracle.take_fraction");
        assertThat(RunDirectory.isComplete(out)).as("the run itself completed").isTrue();
    }

    @Test
    void overridesSeedAndReplicatesReachTheRun() throws Exception {
        Path out = temp.resolve("run");
        Outcome o = loopsim("run", scenario(SMALL).toString(), "--out", out.toString(), "--seed", "99", "--replicates", "3",
                "--set", "horizon_days=3");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        String resolved = Files.readString(out.resolve("scenario.yaml"));
        assertThat(resolved).contains("seed: 99", "replicates: 3", "horizon_days: 3.0");
    }

    @Test
    void badScenarioExitsTwoWithOneLocatedMessageAndNoRunDirectory() throws Exception {
        Path out = temp.resolve("run");
        Outcome o = loopsim("run", scenario(SMALL.replace("titles: 60", "titels: 60")).toString(), "--out", out.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).startsWith("loopsim: ").contains("s.yaml:5:13: at world.catalog.titels", "did you mean 'titles'?")
                .doesNotContain("Exception", "\tat ");
        assertThat(o.err().strip().lines().count()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void anOccupiedOutputFolderIsBadInput() throws Exception {
        Files.writeString(temp.resolve("x"), "");
        Outcome o = loopsim("run", scenario(SMALL).toString(), "--out", temp.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("not empty");
    }

    @Test
    void validateSaysOkOrWhatIsWrong() throws Exception {
        Outcome ok = loopsim("validate", "quickstart");
        assertThat(ok.code()).isEqualTo(0);
        assertThat(ok.out()).startsWith("ok: quickstart: 3 cell(s) [random, popularity, oracle]");
        Outcome printed = loopsim("validate", "quickstart", "--print");
        assertThat(printed.out()).contains("prior_weight: 1.0", "update_every: 1h");
        Outcome missing = loopsim("validate", "quikstart");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("did you mean 'quickstart'?");
    }

    @Test
    void validateWarnsThatOneReplicateCannotTestExpectations() {
        Outcome one = loopsim("validate", "quickstart", "--set", "replicates=1");
        assertThat(one.code()).isEqualTo(0);
        assertThat(one.err()).contains("warning: with 1 replicate the 3 expectation(s) cannot be tested");
        assertThat(loopsim("validate", "quickstart").err()).doesNotContain("warning");
        assertThat(loopsim("validate", "quickstart", "--set", "replicates=1", "--set", "expectations=[]").err())
                .doesNotContain("warning");
    }

    @ParameterizedTest
    @ValueSource(strings = {"policies", "scenarios", "metrics"})
    void listsWhatExists(String what) {
        Outcome o = loopsim("list", what);
        assertThat(o.code()).isEqualTo(0);
        assertThat(o.out()).contains(switch (what) {
            case "policies" -> "popularity";
            case "scenarios" -> "quickstart";
            default -> "take_fraction";
        });
    }

    /** The completion script, sourced in bash, completes a command, an option and a bundled scenario's name. */
    @Test
    void theCompletionScriptCompletesCommandsOptionsAndBundledScenarios() throws Exception {
        Outcome o = loopsim("completion");
        assertThat(o.code()).isZero();
        Path script = temp.resolve("loopsim-completion.bash");
        Files.writeString(script, o.out());
        String complete = "source " + script + "; complete_for() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); "
                + "COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; _complete_loopsim 2>/dev/null; echo \"${COMPREPLY[*]}\"; }; "
                + "complete_for loopsim ru; complete_for loopsim run quick; complete_for loopsim run --thr";
        Process bash = new ProcessBuilder("bash", "-c", complete).redirectErrorStream(true).start();
        List<String> lines = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(bash.waitFor()).isZero();
        assertThat(lines).containsExactly("run", "quickstart", "--threads");
    }

    /** Every command but picocli's own {@code help}, whose usage text picocli writes. */
    static java.util.List<String> commands() {
        return LoopsimCommand.commandLine().getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelp(String command) {
        Outcome o = loopsim(command, "--help");
        assertThat(o.code()).isEqualTo(0);
        assertThat(o.out()).startsWith("Usage: loopsim " + command)
                .as("no reference to a document users do not have (fit --help once cited DESIGN.md)")
                .doesNotContainIgnoringCase("design").doesNotContain("§");
    }

    /** A description is a format string: a bare % (as in "95% interval") makes picocli warn on stderr and print it raw. */
    @Test
    void theCommandListFormatsEveryDescription() {
        java.io.PrintStream stderr = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        Outcome o;
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            o = loopsim("--help");
            for (String command : commands()) {
                loopsim(command, "--help");
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("scorecard", "95% interval");
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Could not format");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(loopsim("run").code()).isEqualTo(2);
        assertThat(loopsim("frobnicate").code()).isEqualTo(2);
        assertThat(loopsim("list", "things").code()).isEqualTo(2);
        Outcome threads = loopsim("run", "quickstart", "--threads", "0");
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads must be >= 1, found 0");
        assertThat(loopsim().code()).isEqualTo(2);
    }

    @Test
    void checkRunsTheGivenScenariosExpectations() throws Exception {
        Outcome o = loopsim("check", scenario(SMALL).toString());
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        assertThat(o.out()).contains("PASS", "oracle.take_fraction > random.take_fraction", "0 expectation(s) failed");
    }

    @Test
    void benchReportsMedians() throws Exception {
        Outcome o = loopsim("bench", scenario(SMALL).toString(), "--runs", "3", "--set", "horizon_days=2");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        assertThat(o.out()).contains("run 3:", "median:", "visits/s", "peak heap");
    }

    /** A scaling curve: a row per value, whose visits grow with the members (the same seed, twice the members). */
    @Test
    void benchVariesAFieldIntoACurve() throws Exception {
        Outcome o = loopsim("bench", scenario(SMALL).toString(), "--runs", "1", "--set", "horizon_days=2", "--vary",
                "world.population.members=100, 400");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        var rows = java.util.regex.Pattern.compile("(?m)^(100|400) +([0-9,]+) +[0-9.]+ +[0-9,]+ +[0-9.]+ +[0-9]+$").matcher(o.out());
        assertThat(rows.find()).as(o.out()).isTrue();
        long few = Long.parseLong(rows.group(2).replace(",", ""));
        assertThat(rows.find()).as(o.out()).isTrue();
        long many = Long.parseLong(rows.group(2).replace(",", ""));
        assertThat(o.out()).contains("scaling over world.population.members (medians of 1 run(s)");
        assertThat(many).isGreaterThan(2 * few);
        Outcome bad = loopsim("bench", scenario(SMALL).toString(), "--vary", "world.population.members=100,-1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("world.population.members=-1", "members must be >= 1");
    }

    /** EASE's retrains (400 titles, every 6 hours) take time that bench reports, within the run's own time. */
    @Test
    void benchReportsTheTimeSpentRetraining() throws Exception {
        Path file = scenario(SMALL.replace("catalog: {titles: 60}", "catalog: {titles: 400}")
                .replace("{name: oracle, ranker: {type: oracle}}", "{name: ease, ranker: {type: ease}, retrain_every: 6h}").replace("oracle.take_fraction", "ease.take_fraction"));
        Outcome o = loopsim("bench", file.toString(), "--runs", "1", "--set", "horizon_days=4", "--threads", "1");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        var run = java.util.regex.Pattern.compile("in ([0-9.]+) s = .* retraining ([0-9.]+) s").matcher(o.out());
        assertThat(run.find()).as(o.out()).isTrue();
        double seconds = Double.parseDouble(run.group(1));
        double retraining = Double.parseDouble(run.group(2));
        assertThat(retraining).isPositive().isLessThanOrEqualTo(seconds);
    }

    @Test
    void opeEstimatesTargetsOnTheOpenBanditSampleAndRejectsBadArguments() throws Exception {
        Outcome o = loopsim("ope", "--logs", "../data/obd-sample/random/men", "--target", "uniform", "--target", "contextual-greedy",
                "--target", "logged:../data/obd-sample/bts/men");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        assertThat(o.out()).contains("10,000 rounds, 34 actions", "logging policy's own mean reward on those rounds: 0.00520",
                "contextual-greedy", "switch-dr", "sndr", "dr-os", "ips-clipped", "logged:../data/obd-sample/bts/men");
        assertThat(o.out().lines().filter(l -> l.matches("\\s*uniform\\s+ips\\s+0\\.00520 .*"))).hasSize(1);
        assertThat(loopsim("ope", "--logs", "../data/obd-sample/random/men", "--target", "best").code()).isEqualTo(2);
        assertThat(loopsim("ope", "--logs", "../data/obd-sample/random/men", "--target", "item:34").err()).contains("item:34", "[0, 34)");
        assertThat(loopsim("ope", "--logs", "../data/obd-sample/random/men", "--target", "uniform", "--estimators", "magic").code())
                .isEqualTo(2);
        assertThat(loopsim("ope", "--logs", "../data/obd-sample/random/men", "--target", "uniform", "--clip", "0").code()).isEqualTo(2);
        assertThat(loopsim("ope", "--logs", "nowhere.csv", "--target", "uniform").err()).contains("nowhere.csv: no such file");
        // --out never replaces a file without --force, never the input log even with it, and never writes into the log's
        // folder (it once overwrote the Open Bandit sample it read).
        Path existing = Files.writeString(temp.resolve("existing.csv"), "keep");
        Outcome onto = loopsim("ope", "--logs", "../data/obd-sample/random/men", "--target", "uniform", "--out", existing.toString());
        assertThat(onto.code()).isEqualTo(2);
        assertThat(onto.err()).contains("exists already", "--force");
        assertThat(Files.readString(existing)).isEqualTo("keep");
        Path log = temp.resolve("men.csv");
        Files.copy(Path.of("../data/obd-sample/random/men/men.csv"), log);
        Outcome ontoInput = loopsim("ope", "--logs", log.toString(), "--target", "uniform", "--out", log.toString(), "--force");
        assertThat(ontoInput.code()).isEqualTo(2);
        assertThat(ontoInput.err()).contains("is the input");
        assertThat(Files.mismatch(log, Path.of("../data/obd-sample/random/men/men.csv"))).isEqualTo(-1);
        Outcome inside = loopsim("ope", "--logs", "../data/obd-sample/random/men", "--target", "uniform", "--out",
                "../data/obd-sample/random/men/estimates.csv");
        assertThat(inside.code()).isEqualTo(2);
        assertThat(inside.err()).contains("inside the input folder");
        assertThat(Path.of("../data/obd-sample/random/men/estimates.csv")).doesNotExist();
    }

    /** The issue's own case: uniform from the Bernoulli Thompson sampling log, every round evaluated, written at full precision. */
    @Test
    void opeWritesFullPrecisionEstimatesWithTheirWeightDiagnostics() throws Exception {
        Path csv = temp.resolve("o.csv");
        Outcome o = loopsim("ope", "--logs", "../data/obd-sample/bts/men", "--target", "uniform", "--train-share", "0",
                "--out", csv.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("cross-fitted", "little overlap");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("target,estimator,estimate,raw_estimate,lower,upper,interval,rounds,effective_sample_size,"
                + "max_weight,unsupported_mass,status,warning");
        assertThat(lines).hasSize(1 + 9);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f[6]).isIn("clopper-pearson", "effective-count"); // not normal: rewards are clicks
            assertThat(f[2].length()).isGreaterThan(10); // full precision, not 5 decimals
            assertThat(Double.parseDouble(f[8])).isBetween(600.0, 700.0); // 656 of 10,000
            assertThat(Double.parseDouble(f[9])).isCloseTo(178.25, org.assertj.core.data.Offset.offset(0.01));
            assertThat(Double.parseDouble(f[4])).isLessThanOrEqualTo(Double.parseDouble(f[2]));
        }
        Path json = temp.resolve("o.json");
        assertThat(loopsim("ope", "--logs", "../data/obd-sample/bts/men", "--target", "uniform", "--train-share", "0",
                "--out", json.toString()).code()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).at("/estimates/1/effective_sample_size").asDouble()).isBetween(600.0, 700.0);
    }

    @Test
    void opeRefusesATargetThatActsWhereTheLogNeverDid() throws Exception {
        // Three items (by the affinity columns), of which the logger only ever showed 0 and 1.
        StringBuilder log = new StringBuilder(",timestamp,item_id,position,click,propensity_score,user_feature_0,"
                + "user-item_affinity_0,user-item_affinity_1,user-item_affinity_2\n");
        for (int i = 0; i < 200; i++) {
            log.append(i).append(",2019-11-24 00:00:00+00:00,").append(i % 2).append(",1,").append(i % 7 == 0 ? 1 : 0)
                    .append(",0.5,a,0,0,0\n");
        }
        Path file = temp.resolve("gap.csv");
        Files.writeString(file, log.toString());
        Path csv = temp.resolve("gap-out.csv");
        Outcome o = loopsim("ope", "--logs", file.toString(), "--target", "item:2", "--target", "item:1", "--train-share", "0",
                "--out", csv.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("item:2: refused: the target puts 100% of its probability on actions the log never takes");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.stream().filter(r -> r.startsWith("item:2,ips,"))).singleElement().asString().contains(",refused,");
        assertThat(rows.stream().filter(r -> r.startsWith("item:2,dm,"))).singleElement().asString().contains(",unreliable,");
        assertThat(rows.stream().filter(r -> r.startsWith("item:1,ips,"))).singleElement().asString().contains(",ok,");
    }

    private static final String LOGGED = """
            name: logged
            replicates: 2
            horizon_days: 10
            world:
              catalog: {titles: 30}
              population: {members: 400}
            page: {rows: 1, columns: 1}
            cells:
              - {name: explore, ranker: {type: random}}
              - {name: popular, ranker: {type: popularity}, explore: 0.2}
            logs: [impressions, plays, visits, rewards]
            log_format: both
            """;

    @Test
    void runStreamsEventLogsWithPropensitiesAndOpeReadsThem() throws Exception {
        Path out = temp.resolve("logged");
        Outcome o = loopsim("run", scenario(LOGGED).toString(), "--out", out.toString(), "--threads", "2");
        assertThat(o.code()).as(o.err()).isEqualTo(0);
        Path logs = out.resolve("logs");
        for (String kind : new String[] {"impressions", "plays", "visits", "rewards"}) {
            assertThat(logs.resolve(kind + ".parquet")).exists();
            assertThat(logs.resolve(kind + ".csv")).exists();
        }
        assertThat(logs.resolve(".parts")).doesNotExist();
        // Shards write their own parts in their own order: one thread gives the same bytes as two.
        Path single = temp.resolve("logged-1");
        assertThat(loopsim("run", scenario(LOGGED).toString(), "--out", single.toString(), "--threads", "1").code()).isZero();
        for (String file : new String[] {"impressions.csv", "impressions.parquet", "plays.csv", "visits.csv", "rewards.csv"}) {
            assertThat(Files.mismatch(logs.resolve(file), single.resolve("logs").resolve(file))).as(file).isEqualTo(-1);
        }
        var summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.createStatement()) {
            String impressions = "'" + logs.resolve("impressions.parquet") + "'";
            var rows = statement.executeQuery("SELECT count(*), count(DISTINCT replicate), min(propensity), max(propensity), "
                    + "sum(CASE WHEN played THEN 1 ELSE 0 END) FROM " + impressions + " WHERE cell = 'explore'");
            rows.next();
            // One impression per page visit; the random ranker's propensity is 1/30 on every one of them.
            double playsPerMember = summary.at("/cells/explore/plays_per_member/mean").asDouble();
            assertThat(rows.getLong(2)).isEqualTo(2);
            assertThat(rows.getDouble(3)).isEqualTo(1.0 / 30);
            assertThat(rows.getDouble(4)).isEqualTo(1.0 / 30);
            assertThat(rows.getLong(5)).isEqualTo(Math.round(playsPerMember * 400 * 2));
            // Around popularity, ε = 0.2: the favourite at 0.8 + 0.2/30, any other title at 0.2/30.
            rows = statement.executeQuery("SELECT DISTINCT round(propensity, 12) FROM " + impressions
                    + " WHERE cell = 'popular' ORDER BY 1");
            java.util.List<Double> seen = new java.util.ArrayList<>();
            while (rows.next()) {
                seen.add(rows.getDouble(1));
            }
            assertThat(seen).containsExactly(Math.round(0.2 / 30 * 1e12) / 1e12, Math.round((0.8 + 0.2 / 30) * 1e12) / 1e12);
            // The Parquet file holds exactly the CSV's rows.
            rows = statement.executeQuery("SELECT count(*) FROM (SELECT * FROM " + impressions + " EXCEPT ALL SELECT * FROM "
                    + "read_csv('" + logs.resolve("impressions.csv") + "', header = true, columns = "
                    + dev.loopsim.results.logs.LogKind.IMPRESSIONS.duckdbColumns() + "))");
            rows.next();
            assertThat(rows.getLong(1)).isZero();
            rows = statement.executeQuery("SELECT count(*) FROM '" + logs.resolve("plays.parquet") + "'");
            rows.next();
            long plays = rows.getLong(1);
            double perMember = summary.at("/cells/explore/plays_per_member/mean").asDouble()
                    + summary.at("/cells/popular/plays_per_member/mean").asDouble();
            assertThat(plays).isEqualTo(Math.round(perMember * 400 * 2));
        }

        // The uniform target on a uniform log: IPS weighs every round 1, so it is the logged play rate exactly.
        Outcome ope = loopsim("ope", "--logs", out.toString(), "--cell", "explore", "--target", "uniform", "--target",
                "item-greedy", "--train-share", "0");
        assertThat(ope.code()).as(ope.err()).isEqualTo(0);
        String logged = ope.out().lines().filter(l -> l.startsWith("logging policy's own mean reward")).findFirst().orElseThrow();
        String value = logged.substring(logged.lastIndexOf(' ') + 1);
        assertThat(ope.out()).contains("item-greedy");
        assertThat(ope.out().lines().filter(l -> l.matches("\\s*uniform\\s+ips\\s+" + java.util.regex.Pattern.quote(value) + " .*")))
                .hasSize(1);
        assertThat(loopsim("ope", "--logs", out.toString(), "--target", "uniform").err()).contains("choose one with --cell");
        assertThat(loopsim("ope", "--logs", out.toString(), "--cell", "explore", "--target", "greedy-affinity").err())
                .contains("logged affinities");
    }

    @Test
    void aSavedBaselineMakesARegressionCheck() throws Exception {
        Path file = scenario(SMALL.replace("  - oracle.take_fraction > random.take_fraction",
                "  - oracle.take_fraction within 15% of baseline\n  - random.plays_per_member between 0 and 100"));
        Outcome first = loopsim("check", file.toString());
        assertThat(first.code()).isEqualTo(1);
        assertThat(first.out()).contains("FAIL", "no baseline stored for oracle.take_fraction", "PASS");
        Path run = temp.resolve("base");
        assertThat(loopsim("run", file.toString(), "--out", run.toString()).code()).isEqualTo(1);
        Outcome saved = loopsim("baseline", "save", run.toString());
        assertThat(saved.code()).as(saved.err()).isZero();
        Path baseline = temp.resolve("s.baseline.yaml");
        assertThat(saved.out()).contains("written to " + baseline);
        assertThat(Files.readString(baseline)).contains("baseline:", "  oracle.take_fraction: ");
        // Saving again over a stored baseline needs --force (it once replaced it silently).
        String stored = Files.readString(baseline);
        Outcome again = loopsim("baseline", "save", run.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains(baseline + " exists already", "--force");
        assertThat(Files.readString(baseline)).isEqualTo(stored);
        assertThat(loopsim("baseline", "save", run.toString(), "--force").code()).isZero();
        // The same code and seed reproduce the baseline exactly, and 3 replicates show the mean within 15% of it
        // (their 90% interval is about ±6%); a drifted baseline fails the check; a tolerance inside the noise is not shown.
        assertThat(loopsim("check", file.toString()).code()).isZero();
        Outcome tight = loopsim("check", file.toString(), "--set", "expectations=[oracle.take_fraction within 1% of baseline]");
        assertThat(tight.code()).isEqualTo(1);
        assertThat(tight.out()).contains("not shown");
        Path junit = temp.resolve("reports/junit.xml");
        Outcome planned = loopsim("check", file.toString(), "--plan", "--junit", junit.toString());
        assertThat(planned.out()).contains("replicates for 80% power");
        assertThat(Files.readString(junit)).contains("<testsuite name=\"small\" tests=\"2\" failures=\"0\"",
                "<testcase classname=\"small\" name=\"oracle.take_fraction within 15% of baseline\">");
        assertThat(loopsim("check", file.toString(), "--effect", "0.1").code()).isEqualTo(2);
        String text = Files.readString(baseline);
        String line = text.lines().filter(l -> l.startsWith("  oracle.take_fraction: ")).findFirst().orElseThrow();
        double value = Double.parseDouble(line.substring(line.indexOf(": ") + 2));
        Files.writeString(baseline, text.replace(line, "  oracle.take_fraction: " + value * 1.5));
        Outcome drifted = loopsim("check", file.toString());
        assertThat(drifted.code()).isEqualTo(1);
        assertThat(drifted.out()).contains("FAIL", "does not hold", "not inside the baseline");
        assertThat(loopsim("baseline", "save", temp.resolve("nowhere").toString()).code()).isEqualTo(2);
    }

    @Test
    void aSweepRunsEveryPointIntoItsOwnRunDirectory() throws Exception {
        Path file = scenario(SMALL + "sweep:\n  grid:\n    world.population.members: [150, 300]\n    seed: [1, 2]\n");
        assertThat(loopsim("validate", file.toString()).out()).contains("sweep of 4 point(s)");
        Path out = temp.resolve("sweep");
        Outcome o = loopsim("run", file.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("sweep of 4 point(s) over [world.population.members, seed]", "all hold");
        assertThat(RunDirectory.isComplete(out)).isTrue();
        for (int point = 0; point < 4; point++) {
            assertThat(RunDirectory.isComplete(out.resolve("points/" + point))).isTrue();
        }
        assertThat(Files.readString(out.resolve("points/3/scenario.yaml"))).contains("members: 300", "seed: 2");
        assertThat(Files.readString(out.resolve("sweep.csv"))).startsWith("point,world.population.members,seed,cell,");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT count(DISTINCT point), count(DISTINCT \"world.population.members\") FROM '"
                    + out.resolve("sweep.parquet") + "' WHERE metric = 'take_fraction' AND day IS NULL");
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(4);
            assertThat(rows.getInt(2)).isEqualTo(2);
        }
        var summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/points/3/values/seed").asText()).isEqualTo("2");
        // The sweep's page plots each metric against each parameter, and links each point's own page.
        String page = Files.readString(out.resolve("report.html"));
        assertThat(dev.loopsim.results.report.RunReport.charts(page)).isEqualTo(12); // 6 metrics x 2 parameters
        assertThat(page).contains("take_fraction against world.population.members", "points/3/report.html");
        // Nothing averaged away: one line per cell and value of the other parameter, each with its interval.
        assertThat(page).contains("alt=\"take_fraction against seed (legend: random, world.population.members = 150; "
                + "oracle, world.population.members = 150; random, world.population.members = 300; oracle, "
                + "world.population.members = 300; dashed: 95% interval over 3 replicates)\"");
        assertThat(out.resolve("points/3/report.html")).exists();
    }

    @Test
    void aRunIsReportedAsOnePageOfChartsAndTwoRunsCompare() throws Exception {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        assertThat(loopsim("run", scenario(SMALL).toString(), "--out", a.toString()).code()).isZero();
        assertThat(loopsim("run", scenario(SMALL).toString(), "--out", b.toString(), "--seed", "9").code()).isZero();
        String page = Files.readString(a.resolve("report.html"));
        // Take fraction, plays per visit, active members, cumulative regret, and genre shares for each of the two cells;
        // no member churns in this world, so retention is a sentence, not a flat line.
        java.util.List<String> images = java.util.regex.Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(page)
                .results().map(m -> m.group(1)).toList();
        assertThat(images).hasSize(6);
        assertThat(page).contains("Retention: 100.00% of members stayed through week 1 of membership in every cell",
                "alt=\"Genre shares of plays: oracle (by day), replicates pooled\"")
                .doesNotContain("alt=\"Retention");
        assertThat(page).contains("alt=\"Take fraction by day (legend: random; oracle; dashed: 95% interval over 3 replicates)\"");
        // What was run: the settings line, the build, and the resolved scenario folded away.
        assertThat(page).contains("3 replicate(s) · 7 days · 300 members · 60 titles · loopsim ",
                "<details><summary>Settings: the resolved scenario", "name: small", "horizon_days: 7.0");
        for (String image : images) {
            byte[] png = java.util.Base64.getDecoder().decode(image);
            assertThat(java.util.Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        }
        assertThat(page).contains("<h2>Expectations</h2>", "class=\"pass\">PASS", "<h2>Metrics</h2>", "take_fraction")
                .doesNotContain("http://", "https://", "<script");
        rendersInAHeadlessBrowser(a.resolve("report.html"));
        Files.delete(a.resolve("report.html"));
        Outcome report = loopsim("report", a.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("6 chart(s)");
        assertThat(a.resolve("report.html")).exists();

        Outcome compare = loopsim("compare", a.toString(), b.toString());
        assertThat(compare.code()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("A: " + a, "B: " + b, "oracle", "take_fraction", "B / A - 1");
        assertThat(loopsim("compare", a.toString(), temp.resolve("none").toString()).code()).isEqualTo(2);
    }

    /** Two runs started together into one empty folder: one completes, the other exits 2 and touches nothing. */
    @Test
    void twoConcurrentRunsIntoOneFolderLeaveOneCompleteRun() throws Exception {
        Path file = scenario(SMALL);
        Path out = temp.resolve("shared");
        Files.createDirectory(out);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<Outcome> run = () -> {
                start.await();
                return loopsim("run", file.toString(), "--out", out.toString(), "-q", "--threads", "1");
            };
            var a = pool.submit(run);
            var b = pool.submit(run);
            start.countDown();
            List<Integer> codes = java.util.stream.Stream.of(a.get(), b.get()).map(Outcome::code).sorted().toList();
            assertThat(codes).containsExactly(0, 2);
            Outcome loser = a.get().code() == 2 ? a.get() : b.get();
            assertThat(loser.err()).contains("choose another --out");
        } finally {
            pool.shutdownNow();
        }
        assertThat(RunDirectory.isComplete(out)).isTrue();
        for (String name : new String[] {"scenario.yaml", "manifest.json", "summary.json", "daily.csv", "runs.csv"}) {
            assertThat(out.resolve(name)).exists();
        }
    }

    @Test
    void threadsBeyondAnyUseAreRefused() {
        Outcome o = loopsim("run", "quickstart", "--threads", "99999", "--out", temp.resolve("t").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--threads must be at most 256, found 99999");
        assertThat(temp.resolve("t")).doesNotExist();
    }

    /**
     * A run stopped by SIGTERM (in a child JVM) keeps an INCOMPLETE marker and the replicates it
     * finished; --resume runs the rest, and the files are those of a run that never stopped.
     */
    @Test
    void aRunStoppedBySigtermResumesToTheSameResult() throws Exception {
        Path file = scenario(SMALL.replace("replicates: 3", "replicates: 8").replace("members: 300", "members: 500")
                .replace("horizon_days: 7", "horizon_days: 14"));
        Path whole = temp.resolve("whole");
        assertThat(loopsim("run", file.toString(), "--out", whole.toString(), "--threads", "1").code()).isZero();
        Path cut = temp.resolve("cut");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.loopsim.cli.Main", "run", file.toString(), "--out", cut.toString(),
                "-q", "--threads", "1").redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile()).start();
        Path first = cut.resolve("partial/replicate-0.json");
        for (int wait = 0; wait < 3000 && !Files.exists(first) && child.isAlive(); wait++) {
            Thread.sleep(20);
        }
        assertThat(first).as("the child finished a replicate").exists();
        child.destroy(); // SIGTERM
        // A guard against hanging, not a speed target: it stops in 0.03-0.07 s (measured on cold-start); 10 s leaves the
        // noisy CI machine room while still failing a run that ignores the signal (fuzzed runs once lived on for minutes).
        assertThat(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
        assertThat(RunDirectory.isComplete(cut)).as("stopped before the end").isFalse();
        assertThat(Files.readString(cut.resolve(RunDirectory.INCOMPLETE))).contains("interrupted");
        assertThat(Files.readString(temp.resolve("child.log"))).as("it says so on stderr")
                .contains("stopped by a signal").contains("marked INCOMPLETE").contains("--resume " + cut);
        long kept;
        try (var files = Files.list(cut.resolve("partial"))) {
            kept = files.count();
        }
        assertThat(kept).isBetween(1L, 7L);

        assertThat(loopsim("run", "--resume", cut.toString(), "--set", "seed=2").code()).isEqualTo(2);
        Outcome resumed = loopsim("run", "--resume", cut.toString(), "--threads", "2");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(RunDirectory.isComplete(cut)).isTrue();
        assertThat(cut.resolve("partial")).doesNotExist();
        for (String name : new String[] {"runs.csv", "daily.csv", "summary.json", "scenario.yaml"}) {
            assertThat(Files.readAllBytes(cut.resolve(name))).as(name).isEqualTo(Files.readAllBytes(whole.resolve(name)));
        }
        assertThat(loopsim("run", "--resume", cut.toString()).err()).contains("nothing to resume");
    }

    /**
     * Where Chromium is installed (it is not on a bare CI machine, and the test then says so and
     * skips), the page is rendered headless: the screenshot must show the charts, i.e. a good
     * share of its pixels are neither white nor near-white.
     */
    private void rendersInAHeadlessBrowser(Path page) throws Exception {
        java.util.Optional<Path> chromium = java.util.stream.Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                        .map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(), "no Chromium on the PATH: the page is not rendered");
        Path shot = temp.resolve("page.png");
        Process browser = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1200,2400", "--screenshot=" + shot, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("chromium.log").toFile()).start();
        assertThat(browser.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                int darkest = Math.min((rgb >> 16) & 0xff, Math.min((rgb >> 8) & 0xff, rgb & 0xff));
                drawn += darkest < 200 ? 1 : 0;
            }
        }
        assertThat(drawn / (double) (image.getWidth() / 4 * (image.getHeight() / 4))).isGreaterThan(0.02);
    }

    /** The values that once passed validate and then hung or crashed the run: now refused at once, located. */
    @ParameterizedTest
    @ValueSource(strings = {"horizon_days=1e308", "update_every=1e-300", "world.population.visits_per_week_median=1e12",
        "world.population.members=1000000000", "shards=100000000", "world.catalog.titles=100000000", "cells.random.retrain_every=1e-9"})
    void valuesARunCannotHonourAreRefusedWhereTheyAre(String set) {
        Outcome o = loopsim("validate", "quickstart", "--set", set);
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        String path = set.substring(0, set.indexOf('='));
        assertThat(o.err()).contains(": at ", path.substring(path.lastIndexOf('.') + 1) + " must be");
    }

    @Test
    void aRunThatWouldTakeHoursOrMoreMemoryThanTheHeapIsRefusedWithItsEstimateUnlessForced() {
        Outcome big = loopsim("validate", "quickstart", "--set", "world.population.members=50000000");
        assertThat(big.code()).isEqualTo(2);
        assertThat(big.err()).contains("about 6.9e+09 visits", "--force", "of memory", "LOOPSIM_JAVA_OPTS=-Xmx");
        Outcome forced = loopsim("validate", "quickstart", "--set", "replicates=20000", "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("estimated cost: about 1.8e+09 visits");
        assertThat(loopsim("validate", "quickstart", "--set", "replicates=20000").code()).isEqualTo(2);
    }

    /** Out of memory, forced past the estimate: one message with the heap and what to do, no trace, the reason in INCOMPLETE. */
    @Test
    void runningOutOfMemoryIsExplainedAndRecorded() throws Exception {
        Path out = temp.resolve("oom");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m", "-cp",
                System.getProperty("java.class.path"), "dev.loopsim.cli.Main", "run", scenario(SMALL).toString(), "--set",
                "world.population.members=2000000", "--force", "--out", out.toString(), "-q", "--threads", "1")
                .redirectErrorStream(true).redirectOutput(temp.resolve("oom.log").toFile()).start();
        assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(temp.resolve("oom.log"));
        assertThat(child.exitValue()).as(log).isEqualTo(1);
        assertThat(log).contains("loopsim: out of memory: the JVM's heap of", "LOOPSIM_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
        assertThat(Files.readString(out.resolve(RunDirectory.INCOMPLETE))).contains("out of memory");
    }

    /**
     * A policy service that dies mid-run stops it with exit code 3 and one message naming the policy,
     * the request and the child's last words; the run directory stays marked incomplete.
     */
    @Test
    void aPolicyServiceThatDiesStopsTheRunWithExitThreeAndAnIncompleteRun() throws Exception {
        Path out = temp.resolve("dies");
        String yaml = SMALL.replace("{name: oracle, ranker: {type: oracle}}",
                "{name: service, ranker: {type: remote, command: [sh, -c, \"read hello; echo 'it broke' >&2; exit 5\"]}}")
                .replace("oracle.take_fraction > random.take_fraction", "service.take_fraction > random.take_fraction");
        Outcome o = loopsim("run", scenario(yaml).toString(), "--out", out.toString(), "-q");
        assertThat(o.code()).as(o.err()).isEqualTo(3);
        assertThat(o.err()).contains("loopsim: failed: remote ranker (sh -c read hello;", "answering the hello",
                "it exited with code 5", "it broke").doesNotContain("\tat ");
        assertThat(RunDirectory.isComplete(out)).isFalse();
        assertThat(out.resolve(RunDirectory.INCOMPLETE)).exists();
    }

    /** The bundled Python scenario's policy gives the same files at one thread and two. */
    @Test
    void aPythonPolicyGivesIdenticalResultsAtOneAndTwoThreads() throws Exception {
        String small = "--set";
        Path one = temp.resolve("one");
        Path two = temp.resolve("two");
        for (Path out : List.of(one, two)) {
            Outcome o = loopsim("run", "python-policy", small, "world.population.members=200", small, "horizon_days=7",
                    small, "replicates=1", "--out", out.toString(), "-q", "--threads", out == one ? "1" : "2");
            assertThat(o.code()).as(o.err()).isIn(0, 1);
            assertThat(RunDirectory.isComplete(out)).isTrue();
        }
        for (String file : List.of("summary.json", "runs.csv", "daily.csv")) {
            assertThat(Files.readString(two.resolve(file))).as(file).isEqualTo(Files.readString(one.resolve(file)));
        }
    }

    /**
     * A run's log exported in the Open Bandit Dataset's format reads back round for round, and
     * `ope` on the file gives the estimates it gives on the run directory, to the last digit.
     */
    @Test
    void anExportedLogIsTheOpenBanditDatasetsFormatAndEstimatesAsTheRunsOwn() throws Exception {
        Path run = temp.resolve("export-run");
        assertThat(loopsim("run", scenario(LOGGED).toString(), "--out", run.toString(), "-q").code()).isZero();
        Path exported = temp.resolve("popular-r1.csv");
        Outcome export = loopsim("export", run.toString(), "--cell", "popular", "--replicate", "1", "--out", exported.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("rounds of", "written to " + exported);
        assertThat(Files.readAllLines(exported).get(0)).isEqualTo(",timestamp,item_id,position,click,propensity_score,user_feature_0");
        var fromRun = dev.loopsim.results.ope.LoopsimLog.read(run.resolve("logs/impressions.parquet"), "popular", 1);
        var fromFile = dev.loopsim.results.ope.OpenBanditDataset.read(exported);
        assertThat(fromFile.rows()).hasSameSizeAs(fromRun.rows());
        for (int i = 0; i < fromRun.rows().size(); i++) {
            var a = fromRun.rows().get(i);
            var b = fromFile.rows().get(i);
            assertThat(List.of(b.action(), b.position(), b.reward(), b.propensity(), b.context()))
                    .isEqualTo(List.of(a.action(), a.position(), a.reward(), a.propensity(), a.context()));
            assertThat(b.time()).isCloseTo(a.time(), org.assertj.core.api.Assertions.within(1e-6));
        }
        Path onRun = temp.resolve("on-run.csv");
        Path onFile = temp.resolve("on-file.csv");
        assertThat(loopsim("ope", "--logs", run.toString(), "--cell", "popular", "--replicate", "1", "--target", "uniform",
                "--out", onRun.toString()).code()).isZero();
        assertThat(loopsim("ope", "--logs", exported.toString(), "--target", "uniform", "--out", onFile.toString()).code()).isZero();
        assertThat(Files.readAllLines(onFile)).hasSizeGreaterThan(5).isEqualTo(Files.readAllLines(onRun));
        Outcome again = loopsim("export", run.toString(), "--cell", "popular", "--out", exported.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists already");
        Outcome none = loopsim("export", temp.toString(), "--out", temp.resolve("x.csv").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("holds no impression log");
    }

    /**
     * The observations log becomes an offline-RL dataset: one transition per page visit, whose next
     * observation is the same member's next visit's, done on their last, rewarded for a quality play.
     */
    @Test
    void observationsExportAsTransitionsPairedWithEachMembersNextVisit() throws Exception {
        Path run = temp.resolve("transitions-run");
        String yaml = LOGGED.replace("logs: [impressions, plays, visits, rewards]", "logs: [observations, visits]");
        Outcome o = loopsim("run", scenario(yaml).toString(), "--out", run.toString(), "-q");
        assertThat(o.code()).as(o.err()).isZero();
        Path parquet = temp.resolve("t.parquet");
        Path csv = temp.resolve("t.csv");
        Outcome export = loopsim("export", run.toString(), "--format", "transitions", "--out", parquet.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(loopsim("export", run.toString(), "--format", "TRANSITIONS", "--out", csv.toString()).code()).isZero();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.createStatement()) {
            String t = "read_parquet('" + parquet + "')";
            String visits = "read_parquet('" + run.resolve("logs/visits.parquet") + "')";
            var rows = statement.executeQuery("SELECT count(*), min(len(observation)), max(len(observation)), "
                    + "min(len(action)), sum(CASE WHEN done THEN 1 ELSE 0 END), count(DISTINCT (replicate, cell, member)) FROM " + t);
            rows.next();
            long transitions = rows.getLong(1);
            assertThat(export.out()).contains(String.format("%,d transitions written", transitions));
            assertThat(rows.getInt(2)).isEqualTo(dev.loopsim.core.policy.Observation.size(8)).isEqualTo(rows.getInt(3));
            assertThat(rows.getInt(4)).isEqualTo(1); // a 1 x 1 page
            assertThat(rows.getLong(5)).as("one last visit per member who made one").isEqualTo(rows.getLong(6));
            rows = statement.executeQuery("SELECT count(*) FROM " + visits + " WHERE kind = 'page'");
            rows.next();
            assertThat(transitions).isEqualTo(rows.getLong(1));
            rows = statement.executeQuery("SELECT count(*) FROM (SELECT *, lead(observation) OVER (PARTITION BY replicate, cell, "
                    + "member ORDER BY day) AS following FROM " + t + ") WHERE NOT done AND following IS DISTINCT FROM next_observation "
                    + "OR done AND next_observation IS NOT NULL");
            rows.next();
            assertThat(rows.getLong(1)).isZero();
            rows = statement.executeQuery("SELECT count(*) FROM " + t + " WHERE reward <> CASE WHEN played_slot >= 0 AND "
                    + "watch_fraction >= 0.5 THEN 1 ELSE 0 END");
            rows.next();
            assertThat(rows.getLong(1)).isZero();
            rows = statement.executeQuery("SELECT sum(reward), sum(days_to_next) FROM " + t);
            rows.next();
            assertThat(rows.getDouble(1)).isPositive();
            rows = statement.executeQuery("SELECT count(*) FROM read_csv('" + csv + "', header = true)");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(transitions);
        }
        Outcome none = loopsim("export", temp.resolve("export-run-missing").toString(), "--format", "transitions",
                "--out", temp.resolve("y.parquet").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(loopsim("export", run.toString(), "--format", "rows", "--out", temp.resolve("z.csv").toString()).err())
                .contains("expected obd or transitions, found 'rows'");
    }

    /** A Python artwork selector served over the protocol chooses a page's artworks, the same at one thread and two. */
    @Test
    void aPythonArtworkSelectorRunsAndGivesIdenticalResultsAtOneAndTwoThreads() throws Exception {
        Path one = temp.resolve("art-one");
        Path two = temp.resolve("art-two");
        for (Path out : List.of(one, two)) {
            Outcome o = loopsim("run", "artwork-personalization", "--set", "world.population.members=200", "--set", "horizon_days=5",
                    "--set", "replicates=1", "--set", "expectations=[]", "--set",
                    "cells.contextual.artwork={type: remote, command: \"python3 {home}/python/examples/thompson_artwork.py\"}",
                    "--out", out.toString(), "-q", "--threads", out == one ? "1" : "2");
            assertThat(o.code()).as(o.err()).isZero();
        }
        for (String file : List.of("summary.json", "runs.csv", "daily.csv")) {
            assertThat(Files.readString(two.resolve(file))).as(file).isEqualTo(Files.readString(one.resolve(file)));
        }
        var summary = new ObjectMapper().readTree(one.resolve("summary.json").toFile());
        assertThat(summary.at("/cells/contextual/take_fraction/mean").asDouble()).isPositive();
    }

    /** Row order from a service: the Python Thompson example orders the rows, the same at one and two threads. */
    @Test
    void aPythonRowOrderRunsAndGivesIdenticalResultsAtOneAndTwoThreads() throws Exception {
        Path file = scenario(SMALL.replace("  - {name: random, ranker: {type: random}}\n", """
                  - name: rows
                    ranker: {type: popularity}
                    rows: [{kind: top-picks}, {kind: trending}, {kind: new-releases}]
                    row_order: {type: remote, command: "python3 {home}/python/examples/thompson_rows.py"}
                """));
        Path one = temp.resolve("rows-one");
        Path two = temp.resolve("rows-two");
        for (Path out : List.of(one, two)) {
            Outcome o = loopsim("run", file.toString(), "--set", "replicates=2", "--set", "expectations=[]", "--out", out.toString(),
                    "-q", "--threads", out == one ? "1" : "2");
            assertThat(o.code()).as(o.err()).isZero();
        }
        for (String name : List.of("summary.json", "runs.csv", "daily.csv")) {
            assertThat(Files.readString(two.resolve(name))).as(name).isEqualTo(Files.readString(one.resolve(name)));
        }
        var summary = new ObjectMapper().readTree(one.resolve("summary.json").toFile());
        assertThat(summary.at("/cells/rows/take_fraction/mean").asDouble()).isPositive();
        // A reply that is not an order of the rows stops the run with exit code 3, naming the service.
        Path bad = temp.resolve("bad_rows.py");
        Files.writeString(bad, "from loopsim import Policy, serve\n"
                + "class Same(Policy):\n    def row_order(self, request):\n        return [0] * len(request.rows)\n"
                + "serve(Same)\n");
        Outcome broken = loopsim("run", file.toString(), "--set", "replicates=1", "--set", "expectations=[]", "--set",
                "cells.rows.row_order={type: remote, command: \"python3 " + bad + "\"}", "--out",
                temp.resolve("rows-bad").toString(), "-q");
        assertThat(broken.code()).as(broken.err()).isEqualTo(3);
        assertThat(broken.err()).contains("row order", "'order' must hold each row index 0 to 2 once");
    }
}

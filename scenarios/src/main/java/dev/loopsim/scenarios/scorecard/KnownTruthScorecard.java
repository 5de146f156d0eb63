package dev.loopsim.scenarios.scorecard;

import dev.loopsim.results.ope.LoopsimLog;
import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.fit.ClickLogs;
import dev.loopsim.scenarios.fit.ResponseModelFile;
import dev.loopsim.scenarios.fit.VisitModelFile;
import dev.loopsim.scenarios.load.ScenarioException;
import dev.loopsim.scenarios.load.ScenarioLoader;
import dev.loopsim.scenarios.load.ScenarioSource;
import dev.loopsim.scenarios.run.ExperimentResult;
import dev.loopsim.scenarios.run.ExperimentRunner;
import dev.loopsim.scenarios.run.ProgressListener;
import dev.loopsim.users.fit.ClickReport;
import dev.loopsim.users.fit.EventLogFormat;
import dev.loopsim.users.fit.EventLogReader;
import dev.loopsim.users.fit.FitOptions;
import dev.loopsim.users.fit.FitReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The known-truth part of the scorecard. In loopsim worlds whose truth is known, the logs of one
 * cell (uniformly random pages) train the simulator: the click model on its impressions
 * ({@code fit --impressions}) and the visit model on its visits ({@code fit --events}). The fitted
 * simulator then runs every cell's policy, and its take fraction and 28-day retention are set
 * beside what the true world gave that cell. The worlds differ in what the fitted simulator must
 * capture: a stationary one (tastes fixed, visits unmoved by satisfaction), one with boredom, and
 * one where satisfaction drives visits.
 */
public final class KnownTruthScorecard {
    /**
     * A world and the settings that make it one.
     *
     * @param churn        the world's {@code churn:} setting
     * @param fittedChurn  whether the visit fit also fits a hazard of churn, which the fitted world then
     *                     takes from it; otherwise the fitted world keeps the true world's churn rule
     */
    public record World(String name, String description, String settings, String churn, boolean fittedChurn) {
        World(String name, String description, String settings) {
            this(name, description, settings, THRESHOLD, false);
        }
    }

    /** Members leave after 14 days below half a visit a week. */
    private static final String THRESHOLD = "churn: {min_visits_per_week: 0.5, after_days: 14}";

    public static final List<World> WORLDS = List.of(
            new World("stationary", "tastes fixed, visits unmoved by satisfaction",
                    "dynamics: {boredom_weight: 0, drift_sd_per_sqrt_day: 0}\n  visits: {type: self-exciting, excitation: 0}"),
            new World("boredom", "playing a genre makes it less appealing for a while",
                    "dynamics: {boredom_weight: 1.5, drift_sd_per_sqrt_day: 0}\n  visits: {type: self-exciting, excitation: 0}"),
            new World("satisfaction-driven", "a satisfying visit raises the visit rate, a disappointing one lowers it",
                    "dynamics: {boredom_weight: 0, drift_sd_per_sqrt_day: 0}\n  visits: {type: self-exciting, excitation: 0.6}"),
            new World("leaving", "members leave unseen at a hazard that satisfying visits lower; the fit learns it",
                    "dynamics: {boredom_weight: 0, drift_sd_per_sqrt_day: 0}\n  visits: {type: self-exciting, excitation: 0, "
                            + "visit_at_join: true}",
                    "churn: {type: hazard, rate_per_week: 0.3, satisfaction_weight: 3}", true));

    /** The cells every world runs; the first is the one whose logs train the simulator. */
    static final String CELLS = """
            cells:
              - {name: random, ranker: {type: random}}
              - {name: popularity, ranker: {type: popularity}}
              - {name: oracle, ranker: {type: oracle}}
            """;

    static final List<String> METRICS = List.of("take_fraction", "active_last_28d");

    /**
     * One cell's metric in the true worlds and in the simulators fitted on them: each replicate is
     * a world of its own (catalog, members), and the simulator fitted on replicate r's logs predicts
     * replicate r. {@code error} is the mean over replicates of predicted − true, with its interval.
     */
    public record Line(String world, String cell, boolean trainedOn, String metric, Interval truth, Interval predicted,
                       Interval error) { }

    private KnownTruthScorecard() { }

    /**
     * @param members    members of each world
     * @param replicates worlds of each kind, each fitted and predicted on its own
     * @param work       a folder for the training logs and the fitted files
     */
    public static List<Line> all(int members, int replicates, long seed, Path work, int threads) throws IOException {
        return all(WORLDS, members, replicates, seed, work, threads);
    }

    /** The same for some of the worlds: each world's figures do not depend on which others run. */
    public static List<Line> all(List<World> worlds, int members, int replicates, long seed, Path work, int threads)
            throws IOException {
        List<Line> lines = new ArrayList<>();
        for (World world : worlds) {
            lines.addAll(world(world, members, replicates, seed, work.resolve(world.name()), threads));
        }
        return lines;
    }

    /** @param churn a {@code churn:} setting, or empty to leave it to the world (a fitted visit model's) */
    static String scenario(String name, long seed, int replicates, String world, String churn, String logs) {
        return "name: " + name + "\nseed: " + seed + "\nreplicates: " + replicates + "\nhorizon_days: 84\nupdate_every: 1d\n"
                + "world:\n  " + world + "\n" + (churn.isEmpty() ? "" : "  " + churn + "\n")
                + "page: {rows: 2, columns: 5}\n" + CELLS + "metrics: {regret: false}\n" + logs;
    }

    static List<Line> world(World world, int members, int replicates, long seed, Path work, int threads) throws IOException {
        Files.createDirectories(work);
        // Visits rare enough that some members churn (by the threshold rule: 14 days below half a visit a week).
        String truthWorld = "catalog: {titles: 60}\n  population: {members: " + members
                + ", visits_per_week_median: 1.5, visit_rate_sd_log: 0.8}\n  " + world.settings();
        ExperimentResult truth = run(scenario("truth-" + world.name(), seed, replicates, truthWorld, world.churn(),
                        "logs: [impressions, visits]\n"),
                work.resolve("truth.yaml"), work.resolve("logs"), threads);
        List<String> cells = List.of("random", "popularity", "oracle");
        double[][][] observed = new double[METRICS.size()][cells.size()][replicates];
        double[][][] predicted = new double[METRICS.size()][cells.size()][replicates];
        for (int r = 0; r < replicates; r++) {
            Path fitted = work.resolve("replicate-" + r);
            Files.createDirectories(fitted);
            // Train on the random cell of this world only: its impressions, then its visits.
            Path impressions = work.resolve("logs/impressions.parquet");
            ClickReport clicks = ClickReport.of(ClickLogs.of(LoopsimLog.read(impressions, "random", r)), 0);
            var watching = ClickLogs.watching(clicks, LoopsimLog.plays(impressions, "random", r));
            Files.writeString(fitted.resolve("response.yaml"), ResponseModelFile.yaml(clicks, watching, 2,
                    List.of("fitted on " + world.name() + ", replicate " + r)), StandardCharsets.UTF_8);
            FitReport visits = FitReport.of(randomCellVisits(work, r), FitOptions.FULL.withChurn(world.fittedChurn()), 0, seed);
            Files.writeString(fitted.resolve("visits.yaml"), VisitModelFile.yaml(visits,
                    List.of("fitted on " + world.name() + ", replicate " + r)), StandardCharsets.UTF_8);
            // The fitted simulator keeps the scenario's page, and its churn rule unless it was fitted; the rest
            // comes from the two fits.
            String fittedWorld = "response_model: response\n  visit_model: visits\n  population: {members: " + members + "}";
            ExperimentResult prediction = run(scenario("fitted-" + world.name(), seed + 1 + r, 1, fittedWorld,
                            world.fittedChurn() ? "" : world.churn(), ""),
                    fitted.resolve("fitted.yaml"), null, threads);
            for (int m = 0; m < METRICS.size(); m++) {
                for (int c = 0; c < cells.size(); c++) {
                    observed[m][c][r] = metric(truth, cells.get(c), r, METRICS.get(m));
                    predicted[m][c][r] = metric(prediction, cells.get(c), 0, METRICS.get(m));
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int m = 0; m < METRICS.size(); m++) {
            for (int c = 0; c < cells.size(); c++) {
                double[] error = new double[replicates];
                for (int r = 0; r < replicates; r++) {
                    error[r] = predicted[m][c][r] - observed[m][c][r];
                }
                lines.add(new Line(world.name(), cells.get(c), c == 0, METRICS.get(m), Interval.of(observed[m][c], 0.95),
                        Interval.of(predicted[m][c], 0.95), Interval.of(error, 0.95)));
            }
        }
        return lines;
    }

    private static double metric(ExperimentResult result, String cell, int replicate, String metric) {
        return result.runs().stream().filter(run -> run.cell().equals(cell) && run.replicate() == replicate).findFirst()
                .orElseThrow().metrics().get(metric);
    }

    /** The random cell's visits in one replicate, as {@code fit --events} reads a loopsim visit log. */
    static dev.loopsim.users.fit.VisitLog randomCellVisits(Path work, int replicate) throws IOException {
        Path all = work.resolve("logs/visits.parquet");
        Path csv = work.resolve("replicate-" + replicate + "/visits.csv");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.prepareStatement("COPY (SELECT member, day, satisfaction FROM read_parquet(?) "
                     + "WHERE cell = 'random' AND replicate = " + replicate + " ORDER BY day, member) TO '" + csv.toString().replace("'", "''")
                     + "' (HEADER)")) {
            statement.setString(1, all.toString());
            statement.execute();
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot read the training visits from " + all + ": " + e.getMessage(), e);
        }
        return EventLogReader.read(csv, new EventLogFormat("member", "day", "satisfaction", EventLogFormat.TimeUnit.DAYS, 0, 1, true));
    }

    static ExperimentResult run(String yaml, Path file, Path logs, int threads) throws IOException {
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        try {
            var loaded = ScenarioLoader.load(ScenarioSource.resolve(file.toString()));
            return new ExperimentRunner(threads, ProgressListener.NONE).run(loaded.spec(), logs);
        } catch (ScenarioException e) {
            throw new IllegalStateException("the scorecard's own scenario does not load: " + e.getMessage(), e);
        }
    }
}

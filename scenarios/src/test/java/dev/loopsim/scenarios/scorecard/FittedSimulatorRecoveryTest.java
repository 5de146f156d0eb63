package dev.loopsim.scenarios.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.results.ope.BanditLog;
import dev.loopsim.results.ope.LoopsimLog;
import dev.loopsim.scenarios.fit.ClickLogs;
import dev.loopsim.scenarios.fit.ResponseModelFile;
import dev.loopsim.scenarios.fit.VisitModelFile;
import dev.loopsim.users.fit.ClickReport;
import dev.loopsim.users.fit.EventLogFormat;
import dev.loopsim.users.fit.EventLogReader;
import dev.loopsim.users.fit.FitOptions;
import dev.loopsim.users.fit.FitReport;
import dev.loopsim.users.fit.VisitLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator trained on a loopsim log reproduces that log: fit the click model to a random
 * cell's impressions and the visit model to its visits, run the fitted world with the same
 * policy, and compare. 12 checks at 3 standard errors of the difference (10 slots' take rates, the
 * mean watch fraction of a play and the visits per member): a false failure at most 12 × 0.27% ≈
 * 3% of seeds (Bonferroni); the seed is fixed, so the outcome is reproducible.
 */
class FittedSimulatorRecoveryTest {
    @TempDir
    Path work;

    private static final String WORLD = "catalog: {titles: 40}\n  population: {members: 800}\n  "
            + "dynamics: {boredom_weight: 0, drift_sd_per_sqrt_day: 0}\n  visits: {type: self-exciting, excitation: 0}";

    private static String scenario(String name, String world, String logs) {
        return "name: " + name + "\nseed: 3\nreplicates: 1\nhorizon_days: 42\nupdate_every: 1d\nworld:\n  " + world
                + "\n  churn: {min_visits_per_week: 0}\npage: {rows: 2, columns: 5}\n"
                + "cells:\n  - {name: random, ranker: {type: random}}\nmetrics: {regret: false}\n" + logs;
    }

    @Test
    void theFittedSimulatorReproducesTheTakeRateBySlotAndTheVisits() throws Exception {
        KnownTruthScorecard.run(scenario("truth", WORLD, "logs: [impressions, visits]\n"), work.resolve("truth.yaml"),
                work.resolve("logs"), 2);
        BanditLog truth = LoopsimLog.read(work.resolve("logs/impressions.parquet"), "random", 0);
        ClickReport clicks = ClickReport.of(ClickLogs.of(truth), 0);
        var watching = ClickLogs.watching(clicks, LoopsimLog.plays(work.resolve("logs/impressions.parquet"), "random", 0));
        Files.writeString(work.resolve("response.yaml"), ResponseModelFile.yaml(clicks, watching, 2, List.of("test")));
        Files.createDirectories(work.resolve("replicate-0"));
        FitReport visits = FitReport.of(KnownTruthScorecard.randomCellVisits(work, 0), FitOptions.FULL, 0, 1);
        Files.writeString(work.resolve("visits.yaml"), VisitModelFile.yaml(visits, List.of("test")));

        Path fitted = work.resolve("fitted");
        Files.createDirectories(fitted);
        Files.copy(work.resolve("response.yaml"), fitted.resolve("response.yaml"));
        Files.copy(work.resolve("visits.yaml"), fitted.resolve("visits.yaml"));
        KnownTruthScorecard.run(scenario("fitted", "response_model: response\n  visit_model: visits\n  population: {members: 800}",
                "logs: [impressions, visits]\n"), fitted.resolve("fitted.yaml"), fitted.resolve("logs"), 2);
        BanditLog simulated = LoopsimLog.read(fitted.resolve("logs/impressions.parquet"), "random", 0);

        for (int position = 1; position <= 10; position++) {
            double[] a = rate(truth, position);
            double[] b = rate(simulated, position);
            double se = Math.sqrt(a[0] * (1 - a[0]) / a[1] + b[0] * (1 - b[0]) / b[1]);
            assertThat(b[0]).as("take rate in slot " + position + " (log " + a[0] + ")").isCloseTo(a[0],
                    org.assertj.core.data.Offset.offset(3 * se));
        }
        // Watching: the mean watch fraction of the plays, the log's and the fitted world's.
        double[] watched = meanWatch(LoopsimLog.plays(work.resolve("logs/impressions.parquet"), "random", 0));
        double[] watchedAgain = meanWatch(LoopsimLog.plays(fitted.resolve("logs/impressions.parquet"), "random", 0));
        assertThat(watchedAgain[0]).as("mean watch fraction of a play (log " + watched[0] + ")").isCloseTo(watched[0],
                org.assertj.core.data.Offset.offset(3 * Math.hypot(watched[1], watchedAgain[1])));
        // Visits: the log's and the fitted world's, each the mean over the members who visited of their visits.
        double[] logged = visitsPerMember(work.resolve("logs/visits.parquet"));
        double[] again = visitsPerMember(fitted.resolve("logs/visits.parquet"));
        double se = Math.sqrt(logged[1] * logged[1] + again[1] * again[1]);
        assertThat(again[0]).as("visits per member (log " + logged[0] + ")").isCloseTo(logged[0],
                org.assertj.core.data.Offset.offset(3 * se));
    }

    /**
     * Churn fitted from visits alone: a world whose members leave at a hazard that satisfaction
     * lowers, its visits fitted with {@code --churn hazard}, and the fitted world run again. Four
     * checks at 3 standard errors: the hazard's two parameters, and the differences in visits per
     * member and in the share of members still visiting in the last two weeks; a false failure at
     * most 4 × 0.27% ≈ 1% of seeds.
     */
    @Test
    void theFittedSimulatorReproducesVisitsAndWhoIsStillThereWhenMembersLeaveUnseen() throws Exception {
        String world = "catalog: {titles: 40}\n  population: {members: 800}\n  visits: {type: self-exciting, visit_at_join: true}";
        String leaving = "churn: {type: hazard, rate_per_week: 0.4, satisfaction_weight: 2}";
        KnownTruthScorecard.run(scenario("truth", world + "\n  " + leaving, "logs: [visits]\n").replace(
                "\n  churn: {min_visits_per_week: 0}", ""), work.resolve("truth.yaml"), work.resolve("logs"), 2);
        Files.createDirectories(work.resolve("replicate-0"));
        FitReport visits = FitReport.of(KnownTruthScorecard.randomCellVisits(work, 0), FitOptions.FULL.withChurn(true), 0, 1);
        for (var truth : java.util.Map.of("churn_rate_per_week", 0.4, "churn_satisfaction_weight", 2.0).entrySet()) {
            var e = visits.fit().estimates().stream().filter(x -> x.name().equals(truth.getKey())).findFirst().orElseThrow();
            assertThat(e.value()).as(e.name() + " ± " + e.standardError()).isCloseTo(truth.getValue(),
                    org.assertj.core.data.Offset.offset(3 * e.standardError()));
        }
        Path fitted = work.resolve("fitted");
        Files.createDirectories(fitted);
        Files.writeString(fitted.resolve("visits.yaml"), VisitModelFile.yaml(visits, List.of("test")));
        KnownTruthScorecard.run(scenario("fitted", "catalog: {titles: 40}\n  visit_model: visits\n  population: {members: 800}",
                "logs: [visits]\n").replace("\n  churn: {min_visits_per_week: 0}", ""), fitted.resolve("fitted.yaml"),
                fitted.resolve("logs"), 2);

        double[] logged = visitsPerMember(work.resolve("logs/visits.parquet"));
        double[] again = visitsPerMember(fitted.resolve("logs/visits.parquet"));
        assertThat(again[0]).as("visits per member (log " + logged[0] + ")").isCloseTo(logged[0],
                org.assertj.core.data.Offset.offset(3 * Math.hypot(logged[1], again[1])));
        double[] stayed = stillVisiting(work.resolve("logs/visits.parquet"), 28);
        double[] stayedAgain = stillVisiting(fitted.resolve("logs/visits.parquet"), 28);
        assertThat(stayedAgain[0]).as("share still visiting after day 28 (log " + stayed[0] + ")").isCloseTo(stayed[0],
                org.assertj.core.data.Offset.offset(3 * Math.hypot(stayed[1], stayedAgain[1])));
    }

    /**
     * Excitation that depends on what was watched, fitted from loopsim's own visits log with its
     * genre column. Seven checks: each genre's α_g, the shared α and the decay within 3 standard
     * errors, and the fitted world's visits per member within 3 standard errors of the difference
     * (a false failure at most 7 × 0.27% ≈ 2% of seeds); the goodness-of-fit check does not reject
     * the true model at p < 0.001 (0.1% of seeds, were it exact; it leans conservative). A single
     * excitation for all genres is misspecified here, and the same check rejects it.
     */
    @Test
    void excitationByGenreIsRecoveredFromTheVisitsLogAndItsFitPassesTheCheckThatRejectsOneExcitation() throws Exception {
        String world = "catalog: {titles: 200, genres: 4}\n  population: {members: 1000}\n  visits: {type: self-exciting, "
                + "excitation: 0.1, excitation_by_genre: {0: 0.8, 1: -0.3, 2: 0.1}}";
        KnownTruthScorecard.run(scenario("truth", world, "logs: [visits]\n").replace("horizon_days: 42", "horizon_days: 60"),
                work.resolve("truth.yaml"), work.resolve("logs"), 2);
        EventLogFormat format = new EventLogFormat("member", "day", "satisfaction", EventLogFormat.TimeUnit.DAYS, 0, 1, true);
        VisitLog log = EventLogReader.read(work.resolve("logs/visits.parquet"), format.withGenreColumn("genre"));
        FitReport byGenre = FitReport.of(log, FitOptions.FULL.withGenres(log.genresWithAtLeast(30)), 0, 1);
        var truth = java.util.Map.of("excitation", 0.1, "decay_days", 2.0, "excitation_genre_0", 0.8,
                "excitation_genre_1", -0.3, "excitation_genre_2", 0.1, "excitation_genre_3", 0.1);
        for (var expected : truth.entrySet()) {
            var e = byGenre.fit().estimates().stream().filter(x -> x.name().equals(expected.getKey())).findFirst().orElseThrow();
            assertThat(e.value()).as(e.name() + " ± " + e.standardError()).isCloseTo(expected.getValue(),
                    org.assertj.core.data.Offset.offset(3 * e.standardError()));
        }
        assertThat(byGenre.rescaling().ksPValue()).as("goodness of fit of the true form").isGreaterThan(0.001);
        FitReport single = FitReport.of(log, FitOptions.FULL, 0, 1);
        assertThat(single.rescaling().ksPValue()).as("goodness of fit of one excitation for all").isLessThan(0.05);

        Path fitted = work.resolve("fitted");
        Files.createDirectories(fitted);
        Files.writeString(fitted.resolve("visits.yaml"), VisitModelFile.yaml(byGenre, List.of("test")));
        KnownTruthScorecard.run(scenario("fitted", "catalog: {titles: 200, genres: 4}\n  visit_model: visits\n  "
                + "population: {members: 1000}", "logs: [visits]\n").replace("horizon_days: 42", "horizon_days: 60"),
                fitted.resolve("fitted.yaml"), fitted.resolve("logs"), 2);
        double[] logged = visitsPerMember(work.resolve("logs/visits.parquet"));
        double[] again = visitsPerMember(fitted.resolve("logs/visits.parquet"));
        assertThat(again[0]).as("visits per member (log " + logged[0] + ")").isCloseTo(logged[0],
                org.assertj.core.data.Offset.offset(3 * Math.hypot(logged[1], again[1])));
    }

    /** The share of members who visited at all with a visit after {@code day}, and its binomial standard error. */
    private static double[] stillVisiting(Path visits, double day) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.prepareStatement("SELECT avg(CASE WHEN last > ? THEN 1.0 ELSE 0.0 END), count(*) "
                     + "FROM (SELECT member, max(day) AS last FROM read_parquet(?) GROUP BY member)")) {
            statement.setDouble(1, day);
            statement.setString(2, visits.toString());
            try (var rows = statement.executeQuery()) {
                rows.next();
                double p = rows.getDouble(1);
                return new double[] {p, Math.sqrt(p * (1 - p) / rows.getLong(2))};
            }
        }
    }

    /** The mean watch fraction of some plays and its standard error. */
    private static double[] meanWatch(List<LoopsimLog.Play> plays) {
        double mean = plays.stream().mapToDouble(LoopsimLog.Play::watch).average().orElseThrow();
        double variance = plays.stream().mapToDouble(p -> (p.watch() - mean) * (p.watch() - mean)).sum() / (plays.size() - 1);
        return new double[] {mean, Math.sqrt(variance / plays.size())};
    }

    /** The click rate in one slot and its number of impressions. */
    private static double[] rate(BanditLog log, int position) {
        long n = log.rows().stream().filter(r -> r.position() == position).count();
        double clicks = log.rows().stream().filter(r -> r.position() == position).mapToDouble(BanditLog.Row::reward).sum();
        return new double[] {clicks / n, n};
    }

    /** Mean visits per member who visited, and its standard error. */
    private static double[] visitsPerMember(Path visits) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.prepareStatement("SELECT avg(n), stddev_samp(n) / sqrt(count(*)) FROM (SELECT member, "
                     + "count(*) AS n FROM read_parquet(?) GROUP BY member)")) {
            statement.setString(1, visits.toString());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new double[] {rows.getDouble(1), rows.getDouble(2)};
            }
        }
    }
}

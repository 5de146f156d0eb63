package dev.loopsim.results.ope;

import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.logs.LogKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A run's observations log as an offline-RL dataset: one transition per page visit, paired with
 * the same member's next page visit in the same cell and replicate (observation, action, reward,
 * next observation, done), to train a policy elsewhere and bring it back as a remote ranker.
 */
public final class Transitions {
    private Transitions() { }

    /** The observations log in a run directory's {@code logs} folder, the folder itself, or the file; null when there is none. */
    public static Path locate(Path path) {
        if (!Files.isDirectory(path)) {
            return path.getFileName().toString().startsWith("observations.") ? path : null;
        }
        Path folder = Files.isDirectory(path.resolve("logs")) ? path.resolve("logs") : path;
        for (String name : new String[] {"observations.parquet", "observations.csv"}) {
            if (Files.exists(folder.resolve(name))) {
                return folder.resolve(name);
            }
        }
        return null;
    }

    /**
     * Writes the transitions to {@code out}: Parquet (observation and action as lists) when its name
     * ends in .parquet, else CSV (as space-separated numbers). The reward is a quality play: the
     * visit's play watched to at least {@code qualityThreshold}. {@code done} marks a member's last
     * page visit of the run, whether they churned or the horizon came; its next observation is empty.
     *
     * @return the number of transitions
     */
    public static long export(Path log, Path out, double qualityThreshold) throws IOException {
        String name = log.toString();
        String source = name.endsWith(".parquet") ? "read_parquet(?)"
                : "read_csv(?, header = true, auto_detect = false, columns = " + LogKind.OBSERVATIONS.duckdbColumns() + ")";
        boolean parquet = out.getFileName().toString().endsWith(".parquet");
        String observation = parquet ? "list_transform(string_split(observation, ' '), x -> CAST(x AS DOUBLE))" : "observation";
        String action = parquet ? "list_transform(string_split(titles, ' '), x -> CAST(x AS INTEGER))" : "titles";
        String query = "SELECT replicate, cell, member, day, " + observation + " AS observation, " + action + " AS action, "
                + "CASE WHEN played_slot >= 0 AND watch_fraction >= " + qualityThreshold + " THEN 1.0 ELSE 0.0 END AS reward, "
                + "played_slot, watch_fraction, "
                + "lead(" + observation + ") OVER w AS next_observation, lead(day) OVER w - day AS days_to_next, "
                + "lead(day) OVER w IS NULL AS done FROM " + source
                + " WINDOW w AS (PARTITION BY replicate, cell, member ORDER BY day, visit) ORDER BY replicate, cell, member, day, visit";
        long[] count = new long[1];
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement setup = connection.createStatement()) {
                setup.execute("SET threads = 1"); // one order of rows, whatever the machine
            }
            AtomicFiles.write(out, file -> {
                try (PreparedStatement copy = connection.prepareStatement("COPY (" + query + ") TO '"
                        + file.toString().replace("'", "''") + "' (FORMAT " + (parquet ? "PARQUET" : "CSV, HEADER") + ")")) {
                    copy.setString(1, name);
                    copy.execute();
                    try (PreparedStatement rows = connection.prepareStatement("SELECT count(*) FROM " + source)) {
                        rows.setString(1, name);
                        try (var result = rows.executeQuery()) {
                            result.next();
                            count[0] = result.getLong(1);
                        }
                    }
                } catch (SQLException e) {
                    throw new OpeException(name, 0, "cannot read the observations log: "
                            + (e.getMessage() == null ? e : e.getMessage().lines().findFirst().orElse("")));
                }
            });
        } catch (SQLException e) {
            throw new IOException("DuckDB: " + e.getMessage(), e);
        }
        return count[0];
    }
}

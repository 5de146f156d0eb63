package dev.loopsim.results.ope;

import dev.loopsim.results.logs.LogKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads loopsim's own impression log (Parquet or CSV, through DuckDB) as a bandit log: every
 * impression of one cell in one replicate is a round, its title the action, a play the reward,
 * its logged propensity the logging probability, and the member's logged context the context.
 */
public final class LoopsimLog {
    /**
     * loopsim's titles are indices 0..N-1 of the run's catalog, and the estimators keep arrays per
     * title: a larger id is a corrupt log, refused before anything is allocated for it.
     */
    public static final long MAX_TITLES = 1_000_000;

    /** A round's time is in seconds, as in the Open Bandit Dataset, counted from day 0 of the run. */
    static final double SECONDS_PER_DAY = 86_400;

    private LoopsimLog() { }

    /** A problem with the row at {@code line} (1-based among the data rows): a file line in CSV, a row number in Parquet. */
    private static OpeException at(String name, boolean csv, long line, String problem) {
        return new OpeException(name, csv ? line + 1 : 0, (csv ? "" : "row " + line + ": ") + problem);
    }

    /** The impression log in a run directory's {@code logs} folder, the folder itself, or the file. */
    public static Path locate(Path path) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        Path folder = Files.isDirectory(path.resolve("logs")) ? path.resolve("logs") : path;
        for (String name : List.of("impressions.parquet", "impressions.csv")) {
            if (Files.exists(folder.resolve(name))) {
                return folder.resolve(name);
            }
        }
        return null;
    }

    /** Whether a file is a loopsim impression log, by its name. */
    public static boolean isImpressions(Path file) {
        String name = file.getFileName().toString();
        return name.equals("impressions.parquet") || name.equals("impressions.csv");
    }

    /**
     * @param cell      the cell whose impressions to read; null when the log holds one cell
     * @param replicate the replicate to read
     */
    public static BanditLog read(Path file, String cell, int replicate) {
        String name = file.toString();
        String source = source(name);
        try (Connection connection = inOrder()) {
            String chosen = chosenCell(connection, source, name, cell);
            List<BanditLog.Row> rounds = new ArrayList<>();
            int actions = 0;
            String sql = "SELECT title, position, played, propensity, context, line, day FROM (SELECT *, row_number() OVER () AS line "
                    + "FROM " + source + ") WHERE cell = ? AND replicate = ? ORDER BY line";
            boolean csv = !name.endsWith(".parquet");
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, name);
                query.setString(2, chosen);
                query.setInt(3, replicate);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long title = rows.getLong(1);
                        if (title < 0 || title >= MAX_TITLES) {
                            throw at(name, csv, rows.getLong(6), "title must be a catalog index in [0, " + MAX_TITLES
                                    + "), found " + title);
                        }
                        double propensity = rows.getDouble(4);
                        boolean missing = rows.wasNull();
                        if (missing || !(propensity > 0 && propensity <= 1)) {
                            throw at(name, csv, rows.getLong(6), "cell " + chosen
                                    + " has no propensity in (0, 1] here, found " + (missing ? "none" : propensity)
                                    + ": its ranker cannot state the probability of its choices (log a random ranker, or one "
                                    + "with explore > 0)");
                        }
                        int action = (int) title;
                        rounds.add(new BanditLog.Row(action, rows.getInt(2) + 1, rows.getBoolean(3) ? 1 : 0, propensity,
                                rows.getString(5), new double[0], rows.getDouble(7) * SECONDS_PER_DAY));
                        actions = Math.max(actions, action + 1);
                    }
                }
            }
            if (rounds.isEmpty()) {
                throw new OpeException(name, 0, "no impressions of cell " + chosen + " in replicate " + replicate);
            }
            return new BanditLog(name + " (cell " + chosen + ", replicate " + replicate + ")", actions, rounds);
        } catch (SQLException e) {
            throw problem(name, e);
        }
    }

    /** The table function that reads an impression log, CSV or Parquet, its path the one parameter. */
    private static String source(String name) {
        return name.endsWith(".parquet") ? "read_parquet(?)" : "read_csv(?, header = true, auto_detect = false, columns = "
                + LogKind.IMPRESSIONS.duckdbColumns() + ")";
    }

    /** A DuckDB connection on one thread, which reads a file in order, so row_number() is a row's place in it. */
    private static Connection inOrder() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement setup = connection.createStatement()) {
            setup.execute("SET threads = 1");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The cell asked for, or the log's only one (or random) when none is. */
    private static String chosenCell(Connection connection, String source, String name, String cell) throws SQLException {
        List<String> cells = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT cell FROM " + source + " ORDER BY cell")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cells.add(rows.getString(1));
                }
            }
        }
        return chooseCell(name, cells, cell);
    }

    /** A play in an impression log: its title, the member's context and how much of it was watched. */
    public record Play(int title, String context, double watch) { }

    /** The plays of one cell (null: as {@link #read} chooses it) and replicate of a loopsim impression log, in log order. */
    public static List<Play> plays(Path file, String cell, int replicate) {
        String name = file.toString();
        String source = source(name);
        try (Connection connection = inOrder()) {
            String chosen = chosenCell(connection, source, name, cell);
            List<Play> plays = new ArrayList<>();
            String sql = "SELECT title, context, watch_fraction FROM (SELECT *, row_number() OVER () AS line FROM " + source
                    + ") WHERE cell = ? AND replicate = ? AND played AND watch_fraction IS NOT NULL ORDER BY line";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, name);
                query.setString(2, chosen);
                query.setInt(3, replicate);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        plays.add(new Play(rows.getInt(1), rows.getString(2), rows.getDouble(3)));
                    }
                }
            }
            return plays;
        } catch (SQLException e) {
            throw problem(name, e);
        }
    }

    /** DuckDB's CSV errors name the line: the message keeps it, and the one line that says what was wrong. */
    private static OpeException problem(String name, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("CSV Error on Line: (\\d+)").matcher(message);
        if (at.find()) {
            String what = message.lines().skip(1).map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("Original Line")).findFirst().orElse("a malformed row");
            return new OpeException(name, Long.parseLong(at.group(1)), what + "; expected the columns "
                    + LogKind.IMPRESSIONS.columns().stream().map(LogKind.Column::name).toList());
        }
        return new OpeException(name, 0, "cannot read the impression log: " + firstLine(message));
    }

    private static String chooseCell(String name, List<String> cells, String cell) {
        if (cell == null) {
            if (cells.size() != 1) {
                throw new OpeException(name, 0, "the log holds cells " + cells + "; choose one with --cell");
            }
            return cells.get(0);
        }
        if (!cells.contains(cell)) {
            throw new OpeException(name, 0, "no cell '" + cell + "' in the log; it holds " + cells);
        }
        return cell;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

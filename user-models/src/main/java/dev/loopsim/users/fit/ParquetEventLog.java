package dev.loopsim.users.fit;

import dev.loopsim.users.data.DataFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Parquet event log through DuckDB's embedded engine, with the same columns and rules
 * as a CSV log. Timestamp columns may be Parquet timestamps or dates (read in UTC), numbers (in
 * the format's unit) or ISO-8601 text. Problems name the file and the row (1-based).
 */
final class ParquetEventLog {
    private ParquetEventLog() { }

    static VisitLog read(Path file, EventLogFormat format) {
        String name = file.toString();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement setup = connection.createStatement()) {
            setup.execute("SET TimeZone = 'UTC'");
            Map<String, String> types = describe(connection, file);
            List<String> header = new ArrayList<>(types.keySet());
            String memberColumn = EventLogReader.column(name, header, format.memberColumn(), EventLogFormat.MEMBER_NAMES, "member id", true);
            String timeColumn = EventLogReader.column(name, header, format.timeColumn(), EventLogFormat.TIME_NAMES, "timestamp", true);
            String rewardColumn = format.rewards()
                    ? EventLogReader.column(name, header, format.rewardColumn(), EventLogFormat.REWARD_NAMES, "reward", false) : null;
            String timeType = types.get(timeColumn).toUpperCase(Locale.ROOT);
            boolean instant = timeType.startsWith("TIMESTAMP") || timeType.equals("DATE");
            String time = instant ? "epoch_us(CAST(" + quote(timeColumn) + " AS TIMESTAMP))" : "CAST(" + quote(timeColumn) + " AS VARCHAR)";
            String reward = rewardColumn == null ? "NULL" : "CAST(" + quote(rewardColumn) + " AS VARCHAR)";
            String genreColumn = format.genreColumn() == null ? null
                    : EventLogReader.column(name, header, format.genreColumn(), List.of(), "genre", true);
            String genre = genreColumn == null ? "NULL" : "CAST(" + quote(genreColumn) + " AS VARCHAR)";
            String sql = "SELECT CAST(" + quote(memberColumn) + " AS VARCHAR), " + time + ", " + reward + ", " + genre
                    + " FROM read_parquet(?)";
            EventLogReader.Genres genres = new EventLogReader.Genres();
            Map<String, List<double[]>> byMember = new LinkedHashMap<>();
            long events = 0;
            TimeSpan span = new TimeSpan(name, false);
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, file.toString());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long row = events + 1;
                        String member = rows.getString(1);
                        if (member == null || member.isEmpty()) {
                            throw new DataFileException(name, 0, "row " + row + ": " + memberColumn + " is empty; expected a member id");
                        }
                        double seconds = instant ? microseconds(name, row, timeColumn, rows) : textSeconds(name, row, timeColumn,
                                rows.getString(2), format);
                        span.add(seconds, row, rows.getString(2));
                        String rewardText = rows.getString(3);
                        double value = rewardText == null ? Double.NaN : rowReward(name, row, rewardColumn, rewardText);
                        byMember.computeIfAbsent(member, key -> new ArrayList<>()).add(new double[]{seconds, value,
                            genres.index(rows.getString(4))});
                        events++;
                    }
                }
            }
            if (events == 0) {
                throw new DataFileException(name, 0, "the log holds no events");
            }
            span.check();
            return EventLogReader.sessionise(name, byMember, events, format, genres.labels);
        } catch (SQLException e) {
            throw new DataFileException(name, 0, "not readable as Parquet: " + firstLine(e.getMessage()));
        }
    }

    /** Column names and DuckDB types, in file order. */
    private static Map<String, String> describe(Connection connection, Path file) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement describe = connection.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
            describe.setString(1, file.toString());
            try (ResultSet columns = describe.executeQuery()) {
                while (columns.next()) {
                    types.put(columns.getString("column_name"), columns.getString("column_type"));
                }
            }
        }
        return types;
    }

    private static double microseconds(String name, long row, String column, ResultSet rows) throws SQLException {
        long micros = rows.getLong(2);
        if (rows.wasNull()) {
            throw new DataFileException(name, 0, "row " + row + ": " + column + " is empty; expected a timestamp");
        }
        return EventLogReader.inRange(name, 0, "row " + row + ": " + column, micros / 1e6, micros + " microseconds");
    }

    private static double textSeconds(String name, long row, String column, String text, EventLogFormat format) {
        try {
            return EventLogReader.seconds(name, 0, column, text == null ? "" : text, format.timeUnit());
        } catch (DataFileException e) {
            throw new DataFileException(name, 0, "row " + row + ": " + e.getMessage().substring(name.length() + 2));
        }
    }

    private static double rowReward(String name, long row, String column, String text) {
        try {
            return EventLogReader.reward(name, 0, column, text);
        } catch (DataFileException e) {
            throw new DataFileException(name, 0, "row " + row + ": " + e.getMessage().substring(name.length() + 2));
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.split("\\R", 2)[0];
    }
}

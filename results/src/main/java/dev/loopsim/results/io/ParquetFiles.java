package dev.loopsim.results.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parquet files written by DuckDB's embedded engine from CSV files: typed columns, compressed, atomically placed. */
public final class ParquetFiles {
    private ParquetFiles() { }

    /**
     * Writes the rows of {@code csvs}, in the order listed, to {@code parquet}. One thread reads them,
     * so that the rows keep their order and the file's row groups (and bytes) are the same on every run.
     *
     * @param header  whether each CSV starts with a header line
     * @param columns the columns as DuckDB's read_csv takes them: {@code {'name': 'TYPE', ...}}
     */
    public static void fromCsv(List<Path> csvs, boolean header, String columns, Path parquet) throws IOException {
        Path temporary = parquet.resolveSibling(parquet.getFileName() + ".tmp");
        String files = csvs.stream().map(ParquetFiles::literal).collect(Collectors.joining(", ", "[", "]"));
        String sql = String.format(Locale.ROOT, "COPY (SELECT * FROM read_csv(%s, header = %s, auto_detect = false, "
                + "columns = %s)) TO %s (FORMAT parquet, COMPRESSION zstd)", files, header, columns, literal(temporary));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = 1");
            statement.execute("SET preserve_insertion_order = true");
            statement.execute(sql);
        } catch (SQLException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write " + parquet + ": " + e.getMessage(), e);
        }
        Files.move(temporary, parquet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}

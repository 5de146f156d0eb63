package dev.loopsim.users.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopsim.users.data.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Parquet log reads to the same visits as the same log in CSV. */
class ParquetEventLogTest {
    @TempDir
    Path temp;

    private static final String CSV = """
            user_id,timestamp,rating,title
            a,1700000000,4,x
            a,1700000600,2,y
            a,1700090000,5,z
            b,1700003000,,x
            b,1700500000,3,w
            """;

    private Path parquet(String select) throws Exception {
        Path csv = temp.resolve("log.csv");
        Files.writeString(csv, CSV);
        Path out = temp.resolve("log.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (SELECT " + select + " FROM read_csv('" + csv + "', header = true, all_varchar = true)) TO '"
                    + out + "' (FORMAT PARQUET)");
        }
        return out;
    }

    private VisitLog fromCsv() throws Exception {
        Path csv = temp.resolve("same.csv");
        Files.writeString(csv, CSV);
        return EventLogReader.read(csv, EventLogFormat.DEFAULTS);
    }

    private static void assertSameVisits(VisitLog a, VisitLog b) {
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.origin()).isEqualTo(b.origin());
        assertThat(a.endDay()).isEqualTo(b.endDay());
        assertThat(a.members()).hasSameSizeAs(b.members());
        for (int u = 0; u < a.members().size(); u++) {
            assertThat(a.members().get(u).id()).isEqualTo(b.members().get(u).id());
            assertThat(a.members().get(u).days()).containsExactly(b.members().get(u).days());
            assertThat(a.members().get(u).satisfaction()).containsExactly(b.members().get(u).satisfaction());
            assertThat(a.members().get(u).atRiskFrom()).containsExactly(b.members().get(u).atRiskFrom());
        }
    }

    @Test
    void numericTimestampsAndRewardsReadLikeTheCsv() throws Exception {
        Path file = parquet("user_id, CAST(timestamp AS BIGINT) AS timestamp, CAST(rating AS DOUBLE) AS rating, title");
        assertSameVisits(EventLogReader.read(file, EventLogFormat.DEFAULTS), fromCsv());
    }

    @Test
    void parquetTimestampsReadAsUtcInstants() throws Exception {
        Path file = parquet("user_id, to_timestamp(CAST(timestamp AS BIGINT)) AS timestamp, CAST(rating AS DOUBLE) AS rating");
        assertSameVisits(EventLogReader.read(file, EventLogFormat.DEFAULTS), fromCsv());
    }

    @Test
    void aBadValueNamesTheFileAndRow() throws Exception {
        Path file = parquet("user_id, CASE WHEN title = 'z' THEN 'soon' ELSE timestamp END AS timestamp, rating");
        assertThatThrownBy(() -> EventLogReader.read(file, EventLogFormat.DEFAULTS))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ": row 3: timestamp must be a number (seconds) or an ISO-8601 date-time, found 'soon'");
        Path notParquet = temp.resolve("fake.parquet");
        Files.writeString(notParquet, "member,timestamp\n");
        assertThatThrownBy(() -> EventLogReader.read(notParquet, EventLogFormat.DEFAULTS))
                .hasMessageStartingWith(notParquet + ": not readable as Parquet: ");
    }
}

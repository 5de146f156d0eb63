package dev.loopsim.users.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.users.data.DataFileException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLogReaderTest {
    private static VisitLog read(String csv) throws IOException {
        return EventLogReader.read("log.csv", new StringReader(csv), EventLogFormat.DEFAULTS);
    }

    @Test
    void eventsWithinThirtyMinutesAreOneVisitStartingAtItsFirstEvent() throws IOException {
        // 2026-01-07 is a Wednesday: day 0 is Monday 2026-01-05 00:00 UTC.
        VisitLog log = read("""
                user,timestamp,rating
                a,2026-01-07T10:00:00Z,4
                a,2026-01-07T10:20:00Z,2
                a,2026-01-07T10:49:00Z,3
                a,2026-01-07T11:30:00Z,5
                b,2026-01-08T00:00:00Z,
                """);
        assertThat(log.origin()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(log.events()).isEqualTo(5);
        VisitLog.MemberVisits a = log.members().get(0);
        assertThat(a.days()).containsExactly(2 + 10.0 / 24, 2 + 11.5 / 24);
        assertThat(a.satisfaction()).containsExactly(3.0, 5.0);
        // A member without rewards has satisfaction 1; the end is the log's last event.
        assertThat(log.members().get(1).satisfaction()).containsExactly(1.0);
        assertThat(log.endDay()).isCloseTo(3.0, offset(1e-12));
    }

    @Test
    void epochSecondsAndRewardScale() throws IOException {
        VisitLog log = EventLogReader.read("ml.csv", new StringReader("""
                userId,movieId,rating,timestamp
                1,31,2.5,1260759144
                1,1029,3.0,1260759179
                """), new EventLogFormat(null, null, null, EventLogFormat.TimeUnit.SECONDS, 30.0 / 1440, 0.2, true));
        assertThat(log.members()).hasSize(1);
        assertThat(log.members().get(0).satisfaction()[0]).isCloseTo(0.55, offset(1e-12));
        // 1260759144 is Monday 2009-12-14 02:52:24 UTC.
        assertThat(log.origin()).isEqualTo(Instant.parse("2009-12-14T00:00:00Z"));
    }

    @Test
    void datesAndOffsetDateTimesAreInstants() throws IOException {
        VisitLog log = read("member,timestamp\na,2026-01-06\na,2026-01-06 12:00:00+02:00\n");
        assertThat(log.members().get(0).days()).containsExactly(1.0, 1 + 10.0 / 24);
    }

    @Test
    void aSingleEventMemberIsKeptWithOneVisit() throws IOException {
        VisitLog log = read("member,time\nx,10\ny,20\ny,5000\n");
        assertThat(log.members()).extracting(VisitLog.MemberVisits::visits).containsExactly(1, 2);
    }

    @Test
    void unparseableRowsNameTheFileAndLine() {
        assertThatThrownBy(() -> read("member,timestamp\na,100\na,yesterday\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("log.csv:3: timestamp must be a number (seconds) or an ISO-8601 date-time, found 'yesterday'");
        assertThatThrownBy(() -> read("member,timestamp,reward\na,100,good\n"))
                .hasMessage("log.csv:2: reward must be a number in [-1e9, 1e9] or empty, found 'good'");
        assertThatThrownBy(() -> read("member,timestamp,reward\na,100,-1e308\n"))
                .hasMessage("log.csv:2: reward must be a number in [-1e9, 1e9] or empty, found '-1e308'");
        assertThatThrownBy(() -> read("member,timestamp\na,100\na,1e300\n"))
                .hasMessage("log.csv:3: timestamp must lie within 1e11 seconds (about 3,000 years) of 1970, found '1e300'");
        assertThatThrownBy(() -> read("member,timestamp\na,+99999-01-01T00:00:00Z\n"))
                .hasMessageStartingWith("log.csv:2: timestamp must lie within 1e11 seconds");
        String huge = "x".repeat(10_000_000);
        assertThatThrownBy(() -> read("member,timestamp\na," + huge + "\n")).message()
                .as("a message quotes at most 200 characters of a value").hasSizeLessThan(400).contains("(10000000 characters)");
        // Each time alone is plausible; together they span 130 years, so one is corrupt, and both ends are named.
        assertThatThrownBy(() -> read("member,timestamp\na,2019-11-24T10:00:00Z\nb,2019-11-25T10:00:00Z\nb,2149-11-25T10:00:00Z\n"))
                .hasMessage("log.csv: the log's times span 130 years, from line 2 ('2019-11-24T10:00:00Z') to line 4 "
                        + "('2149-11-25T10:00:00Z'); expected at most 100 years of events: one of these times is probably corrupt");
        assertThatThrownBy(() -> read("member,timestamp\na,100,7\n"))
                .hasMessage("log.csv:2: expected 2 fields, found 3");
        assertThatThrownBy(() -> read("member,timestamp\n,100\n"))
                .hasMessage("log.csv:2: member is empty; expected a member id");
    }

    @Test
    void aMissingColumnOrAnEmptyLogIsOneClearMessage() {
        assertThatThrownBy(() -> read("who,when\na,1\n"))
                .hasMessageStartingWith("log.csv:1: expected a member id column named one of [member,");
        assertThatThrownBy(() -> read("member,timestamp\n"))
                .hasMessage("log.csv: the log holds no events; expected a header and at least one row");
        assertThatThrownBy(() -> EventLogReader.read("log.csv", new StringReader("member,t\na,1\n"),
                new EventLogFormat(null, "when", null, EventLogFormat.TimeUnit.SECONDS, 0, 1, true)))
                .hasMessage("log.csv:1: no timestamp column 'when'; the header has [member, t]");
    }
}

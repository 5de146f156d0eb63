package dev.loopsim.results.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogsTest {
    @TempDir
    Path logs;

    private List<String> left() throws IOException {
        try (Stream<Path> files = Files.walk(logs)) {
            return files.filter(f -> !f.equals(logs)).map(f -> logs.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void aFinishedLogLeavesOnlyItsGatheredFiles() throws Exception {
        try (EventLogs events = EventLogs.open(logs, EnumSet.of(LogKind.IMPRESSIONS), EventLogs.Format.CSV)) {
            events.part(LogKind.IMPRESSIONS).write("row\n");
            events.finish();
        }
        assertThat(left()).containsExactly("impressions.csv");
    }

    /** A run that fails while it writes (a full disk, a policy that crashed) takes its parts with it. */
    @Test
    void aRunThatFailsBeforeFinishingLeavesNoPartsBehind() throws Exception {
        EventLogs events = EventLogs.open(logs, EnumSet.of(LogKind.IMPRESSIONS, LogKind.VISITS), EventLogs.Format.CSV);
        Writer open = events.part(LogKind.IMPRESSIONS);
        open.write("half a row");
        events.part(LogKind.VISITS).write("row\n");
        events.close();
        assertThat(left()).isEmpty();
    }

    /** Gathering that fails half way (here a part that vanished) removes its half-written file and the parts. */
    @Test
    void aGatherThatFailsLeavesNoHalfWrittenFile() throws Exception {
        EventLogs events = EventLogs.open(logs, EnumSet.of(LogKind.IMPRESSIONS, LogKind.VISITS), EventLogs.Format.CSV);
        events.part(LogKind.IMPRESSIONS).write("row\n");
        events.part(LogKind.VISITS).write("row\n");
        events.closeParts();
        Files.delete(logs.resolve(".parts/visits-0.csv"));
        assertThatThrownBy(events::finish).isInstanceOf(IOException.class).hasMessageContaining("visits.csv");
        events.close();
        // The kind gathered before the failure is complete; the rest is gone, and the run is marked incomplete by its owner.
        assertThat(left()).containsExactly("impressions.csv");
    }
}

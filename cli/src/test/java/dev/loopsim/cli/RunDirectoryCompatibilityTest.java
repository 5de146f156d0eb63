package dev.loopsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run directories written by loopsim 0.1.0 (commit 2d73d1c, quickstart at 60 members over 10
 * days, seeds 1 and 7) still report and compare: a user's stored runs outlive an upgrade.
 */
class RunDirectoryCompatibilityTest {
    @TempDir
    Path temp;

    private Path stored(String name) throws Exception {
        Path from = Path.of("src", "test", "resources", "compat", name);
        Path to = temp.resolve(name);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    @Test
    void aStoredRunStillReports() throws Exception {
        Path run = stored("run-a");
        var report = CommandLineTest.loopsim("report", run.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(run.resolve("report.html"))).contains("take_fraction").contains("<img");
    }

    @Test
    void twoStoredRunsStillCompare() throws Exception {
        var compare = CommandLineTest.loopsim("compare", stored("run-a").toString(), stored("run-b").toString());
        assertThat(compare.code()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("take_fraction").contains("popularity");
    }
}

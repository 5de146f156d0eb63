package dev.loopsim.results.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void isIncompleteUntilMarkedComplete() throws IOException {
        Path root = temp.resolve("run");
        RunDirectory run = RunDirectory.create(root);
        assertThat(RunDirectory.isComplete(root)).isFalse();
        run.write("summary.json", "{}");
        run.write("summary.json", "{\"a\": 1}");
        assertThat(Files.readString(root.resolve("summary.json"))).isEqualTo("{\"a\": 1}");
        run.markFailed("boom");
        assertThat(Files.readString(root.resolve(RunDirectory.INCOMPLETE))).contains("boom");
        run.markComplete();
        assertThat(RunDirectory.isComplete(root)).isTrue();
        try (var files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("summary.json");
        }
    }

    /** Two runs started together into one empty folder: in every one of 200 races exactly one claims it. */
    @Test
    void exactlyOneOfTwoConcurrentRunsClaimsAFolder() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 200; trial++) {
                Path root = temp.resolve("race-" + trial);
                Files.createDirectory(root);
                var start = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Callable<Boolean> claim = () -> {
                    start.await();
                    try {
                        RunDirectory.create(root).write("summary.json", "{}");
                        return true;
                    } catch (IOException refused) {
                        assertThat(refused).hasMessageContaining("choose another --out");
                        return false;
                    }
                };
                var a = pool.submit(claim);
                var b = pool.submit(claim);
                start.countDown();
                assertThat(a.get() ^ b.get()).as("trial " + trial + ": exactly one claims the folder").isTrue();
                assertThat(root.resolve("summary.json")).exists();
                assertThat(root.resolve(RunDirectory.INCOMPLETE)).exists();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAFolderThatHoldsSomething() throws IOException {
        Files.writeString(temp.resolve("x"), "");
        assertThatThrownBy(() -> RunDirectory.create(temp)).isInstanceOf(IOException.class).hasMessageContaining("not empty");
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        String csv = new Csv(List.of("a", "b")).row("x,y", 1.5).row("say \"hi\"", Double.NaN).toString();
        assertThat(csv).isEqualTo("a,b\n\"x,y\",1.5\n\"say \"\"hi\"\"\",\n");
    }
}

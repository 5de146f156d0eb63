package dev.loopsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules the build's enforcer cannot see: MASON stays behind its adapter; no hidden randomness. */
class ArchitectureTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList();
        }
    }

    @Test
    void onlyTheAdapterPackageSeesMason() throws IOException {
        List<Path> sources = mainSources();
        assertThat(sources).isNotEmpty();
        for (Path file : sources) {
            boolean adapter = file.toString().contains("/dev/loopsim/core/engine/mason/");
            if (!adapter) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern("import sim\\.|sim\\.engine\\.");
            }
        }
    }

    @Test
    void noRandomnessOutsideTheDerivedStreams() throws IOException {
        for (Path file : mainSources()) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContainPattern("new (java\\.util\\.)?Random\\(|Math\\.random\\(|ThreadLocalRandom|Collections\\.shuffle\\(");
        }
    }
}

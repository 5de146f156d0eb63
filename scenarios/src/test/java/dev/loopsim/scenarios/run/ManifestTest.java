package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.results.rundir.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @Test
    void namesTheCommitAndEveryLibraryVersion() {
        var manifest = RunWriter.manifest("name: x\n", null, List.of());
        assertThat(manifest.gitCommit()).matches("[0-9a-f]{40}|unknown");
        assertThat(manifest.gitDirty()).matches("true|false|unknown");
        for (String library : RunWriter.LIBRARIES) {
            assertThat(manifest.libraries().get(library)).as(library)
                    .isNotBlank().doesNotContain("${").matches("[0-9][0-9A-Za-z._-]*");
        }
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path run) throws Exception {
        var manifest = RunWriter.manifest("name: x\n", "scenarios/library/quickstart.yaml", List.of("replicates=2"));
        Files.writeString(run.resolve(Manifest.FILE), manifest.toJson());
        assertThat(Manifest.read(run)).isEqualTo(manifest);
        var bare = RunWriter.manifest("name: x\n", null, List.of());
        Files.writeString(run.resolve(Manifest.FILE), bare.toJson());
        assertThat(Manifest.read(run)).isEqualTo(bare);
        assertThat(bare.toJson()).doesNotContain("scenario_origin").doesNotContain("overrides");
    }
}

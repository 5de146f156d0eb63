package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifestTest {
    @Test
    void namesTheCommitAndEveryLibraryVersion() {
        var manifest = RunWriter.manifest("name: x\n");
        assertThat(manifest.path("git_commit").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(manifest.path("git_dirty").asText()).matches("true|false|unknown");
        for (String library : RunWriter.LIBRARIES) {
            assertThat(manifest.path("libraries").path(library).asText()).as(library)
                    .isNotBlank().doesNotContain("${").matches("[0-9][0-9A-Za-z._-]*");
        }
    }
}

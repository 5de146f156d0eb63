package dev.loopsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./loopsim} launcher, on a stand-in checkout whose {@code mvn} counts its builds (and
 * takes two seconds, so that calls overlap) and whose {@code java} only echoes: two calls started
 * together after a change build once, and both run (they once raced, and one build failed).
 */
class LauncherTest {
    private static final List<String> MODULES = List.of("sim-core", "user-models", "policies", "results", "scenarios", "cli");

    @TempDir
    Path checkout;
    private Path bin;

    @BeforeEach
    void aCheckoutWithAStandInBuild() throws Exception {
        Files.copy(Path.of("..", "loopsim"), checkout.resolve("loopsim"));
        checkout.resolve("loopsim").toFile().setExecutable(true);
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        for (String module : MODULES) {
            Files.createDirectories(checkout.resolve(module).resolve("src"));
            Files.writeString(checkout.resolve(module).resolve("pom.xml"), "<project/>");
            Files.writeString(checkout.resolve(module).resolve("src/Source.java"), "class Source { }");
        }
        Files.createDirectories(checkout.resolve("scenarios/library"));
        bin = Files.createDirectory(checkout.resolve("bin"));
        executable(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                while [ $# -gt 0 ]; do [ "$1" = -f ] && pom="$2"; shift; done
                root="$(dirname "$pom")"
                echo build >> "$root/builds"
                sleep 2
                mkdir -p "$root/cli/target" && touch "$root/cli/target/loopsim.jar"
                """);
        executable(bin.resolve("java"), "#!/usr/bin/env bash\necho \"ran ${@: -1}\"\n");
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        file.toFile().setExecutable(true);
    }

    private Process launch(String argument) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(checkout.resolve("loopsim").toString(), argument).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        return builder.start();
    }

    private static String finish(Process process) throws Exception {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private long builds() throws Exception {
        return Files.exists(checkout.resolve("builds")) ? Files.readAllLines(checkout.resolve("builds")).size() : 0;
    }

    @Test
    void twoCallsStartedTogetherBuildOnceAndBothRun() throws Exception {
        Process first = launch("a");
        Process second = launch("b");
        assertThat(finish(first)).endsWith("ran a\n");
        assertThat(finish(second)).endsWith("ran b\n");
        assertThat(builds()).isEqualTo(1);
    }

    @Test
    void onlyTheProjectsOwnSourcesTriggerABuild() throws Exception {
        finish(launch("a"));
        Thread.sleep(20);
        Files.writeString(checkout.resolve("my-scenario.yaml"), "name: mine");
        Files.writeString(checkout.resolve("visit-model.yaml"), "fitted: true");
        finish(launch("b"));
        assertThat(builds()).as("a user's scenario and a fitted file").isEqualTo(1);
        Files.writeString(checkout.resolve("results/src/Source.java"), "class Source { int changed; }");
        assertThat(finish(launch("c"))).contains("building").endsWith("ran c\n");
        assertThat(builds()).isEqualTo(2);
    }
}

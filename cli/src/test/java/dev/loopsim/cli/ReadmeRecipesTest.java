package dev.loopsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fenced block the README marks {@code sh runnable} runs as written, line by line in bash, and
 * each command exits 0. It runs in a scratch folder that holds the checkout's {@code data} and a
 * {@code ./loopsim} that calls the classes under test (the real launcher would build the jar, which
 * does not exist yet while the tests run).
 */
class ReadmeRecipesTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String MARK = "```sh runnable";

    @TempDir
    Path folder;

    static Stream<String> recipes() throws IOException {
        List<String> blocks = new ArrayList<>();
        List<String> lines = Files.readAllLines(README);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(MARK)) {
                StringBuilder block = new StringBuilder();
                for (i++; !lines.get(i).strip().equals("```"); i++) {
                    block.append(lines.get(i)).append('\n');
                }
                blocks.add(block.toString());
            }
        }
        assertThat(blocks).as("runnable blocks in the README").hasSizeGreaterThanOrEqualTo(3);
        return blocks.stream();
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void runsAsWritten(String recipe) throws Exception {
        Files.createSymbolicLink(folder.resolve("data"), Path.of("..", "data").toAbsolutePath().normalize());
        Path launcher = folder.resolve("loopsim");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' dev.loopsim.cli.Main \"$@\"\n");
        launcher.toFile().setExecutable(true);
        Process bash = new ProcessBuilder("bash", "-e", "-u", "-o", "pipefail", "-c", recipe).directory(folder.toFile())
                .redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(bash.exitValue()).as("%s%n%s", recipe, output).isZero();
        assertThat(output).doesNotContain("FAIL", "Exception");
    }
}

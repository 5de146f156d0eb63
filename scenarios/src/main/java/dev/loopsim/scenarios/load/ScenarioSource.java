package dev.loopsim.scenarios.load;

import dev.loopsim.scenarios.spec.DidYouMean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of a scenario and where it came from (a file path, or a bundled scenario's name).
 */
public record ScenarioSource(String origin, String text) {

    public ScenarioSource {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }

    /** A scenario file, or a bundled scenario when {@code reference} names one and no such file exists. */
    public static ScenarioSource resolve(String reference) throws ScenarioException {
        Path path = Path.of(reference);
        if (Files.isRegularFile(path)) {
            try {
                long bytes = Files.size(path);
                if (bytes > 4L * ScenarioLoader.MAX_SCENARIO_CHARS) {
                    throw new ScenarioException(reference, "", 0, 0, "the file has " + bytes
                            + " bytes; a scenario may have at most " + ScenarioLoader.MAX_SCENARIO_CHARS + " characters");
                }
                return new ScenarioSource(reference, Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ScenarioException(reference, "", 0, 0, "cannot read the file: " + e.getMessage());
            }
        }
        if (Files.exists(path)) {
            throw new ScenarioException(reference, "", 0, 0, "not a regular file");
        }
        return ScenarioLibrary.find(reference).orElseThrow(() -> new ScenarioException(reference, "", 0, 0,
                "no such file, and no bundled scenario of that name" + DidYouMean.suggest(reference, ScenarioLibrary.names())
                        + "; bundled: " + ScenarioLibrary.names()));
    }
}

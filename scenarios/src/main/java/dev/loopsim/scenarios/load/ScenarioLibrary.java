package dev.loopsim.scenarios.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The scenarios bundled in the jar (from scenarios/library/), listed in its INDEX file. */
public final class ScenarioLibrary {
    private static final String ROOT = "/dev/loopsim/scenarios/library/";

    private ScenarioLibrary() { }

    public static List<String> names() {
        return Arrays.stream(read("INDEX").orElseThrow(() -> new IllegalStateException("the scenario library has no INDEX"))
                        .split("\\R"))
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** A bundled scenario by name, with or without {@code .yaml}. */
    public static Optional<ScenarioSource> find(String name) {
        String bare = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
        if (!names().contains(bare)) {
            return Optional.empty();
        }
        return read(bare + ".yaml").map(text -> new ScenarioSource("scenarios/library/" + bare + ".yaml", text));
    }

    private static Optional<String> read(String file) {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(ROOT + file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

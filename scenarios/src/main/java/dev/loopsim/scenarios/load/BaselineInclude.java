package dev.loopsim.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scenario's stored baseline: {@code NAME.baseline.yaml} beside the scenario file (for a bundled
 * scenario, in the bundled library), written by {@code loopsim baseline save}. Its {@code baseline}
 * mapping is used when the scenario has none of its own.
 */
public final class BaselineInclude {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String KEY = "baseline";

    private BaselineInclude() { }

    /** Where the baseline of the scenario read from {@code origin} lives. */
    public static Path fileFor(String origin) {
        String name = origin.endsWith(".yaml") ? origin.substring(0, origin.length() - ".yaml".length()) : origin;
        return Path.of(name + ".baseline.yaml");
    }

    static void apply(ScenarioSource source, ObjectNode root) throws ScenarioException {
        if (root.has(KEY)) {
            return;
        }
        Path file = fileFor(source.origin());
        String text = read(file);
        if (text == null) {
            return;
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "", 0, 0, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (tree == null || !(tree.get(KEY) instanceof ObjectNode block)) {
            throw new ScenarioException(file.toString(), "", 1, 1, "expected a '" + KEY + ":' mapping of cell.metric to its mean");
        }
        root.set(KEY, block);
    }

    /** The file's text, from disk or, for a bundled scenario, from the library; null when there is none. */
    private static String read(Path file) throws ScenarioException {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            String name = file.toString().replace('\\', '/');
            if (name.startsWith("scenarios/library/")) {
                try (InputStream in = BaselineInclude.class.getResourceAsStream("/dev/loopsim/" + name)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "", 0, 0, "cannot read the baseline: " + e.getMessage());
        }
    }
}

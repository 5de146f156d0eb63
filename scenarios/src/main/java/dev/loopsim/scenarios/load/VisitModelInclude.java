package dev.loopsim.scenarios.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.scenarios.spec.DefaultsMerge;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * {@code world.visit_model: FILE}: takes the {@code visit_model:} block of a file written by
 * {@code loopsim fit} (its {@code visits} and {@code population} settings) as the scenario's,
 * under whatever the scenario itself sets in {@code world.visits} and {@code world.population}.
 *
 * <p>FILE is looked up beside the scenario file, then from the working directory, then in the
 * bundled library ({@code visit-models/movielens}); {@code .yaml} may be left off.
 */
final class VisitModelInclude {
    static final String KEY = "visit_model";
    private static final Set<String> PARTS = Set.of("visits", "population");
    private static final String LIBRARY = "/dev/loopsim/scenarios/library/";

    private VisitModelInclude() { }

    static void apply(ScenarioSource source, ObjectNode root) throws ScenarioException {
        if (!(root.get("world") instanceof ObjectNode world) || !world.has(KEY)) {
            return;
        }
        JsonNode reference = world.get(KEY);
        if (!reference.isTextual() || reference.asText().isBlank()) {
            int[] at = YamlLocator.locate(source.text(), java.util.List.of("world", KEY));
            throw new ScenarioException(source.origin(), "world." + KEY, at[0], at[1],
                    "expected the path of a file written by 'loopsim fit' or a bundled visit model such as visit-models/movielens");
        }
        ScenarioSource included = find(source, reference.asText().trim());
        JsonNode block = read(included);
        world.remove(KEY);
        for (String part : PARTS) {
            if (block.has(part)) {
                world.set(part, DefaultsMerge.merge(block.get(part), world.get(part)));
            }
        }
    }

    private static JsonNode read(ScenarioSource included) throws ScenarioException {
        JsonNode tree;
        try {
            tree = ScenarioLoader.mapper().readTree(included.text());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ScenarioException(included.origin(), "", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid YAML: " + e.getOriginalMessage().split("\\R", 2)[0]);
        }
        JsonNode block = tree == null ? null : tree.get(KEY);
        if (!(block instanceof ObjectNode)) {
            throw new ScenarioException(included.origin(), "", 1, 1, "expected a '" + KEY + ":' mapping with visits and population");
        }
        for (Iterator<String> names = block.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PARTS.contains(name)) {
                int[] at = YamlLocator.locate(included.text(), java.util.List.of(KEY, name));
                throw new ScenarioException(included.origin(), KEY + "." + name, at[0], at[1],
                        "unknown key '" + name + "'; expected one of " + PARTS.stream().sorted().toList());
            }
        }
        return block;
    }

    private static ScenarioSource find(ScenarioSource scenario, String reference) throws ScenarioException {
        String file = reference.endsWith(".yaml") ? reference : reference + ".yaml";
        Path scenarioPath = Path.of(scenario.origin());
        Path beside = scenarioPath.getParent() == null ? Path.of(file) : scenarioPath.getParent().resolve(file);
        for (Path candidate : new Path[]{beside, Path.of(file), Path.of(reference)}) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return new ScenarioSource(candidate.toString(), Files.readString(candidate, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new ScenarioException(candidate.toString(), "", 0, 0, "cannot read the file: " + e.getMessage());
                }
            }
        }
        try (InputStream in = VisitModelInclude.class.getResourceAsStream(LIBRARY + file)) {
            if (in != null) {
                return new ScenarioSource("scenarios/library/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ScenarioException("scenarios/library/" + file, "", 0, 0, "cannot read: " + e.getMessage());
        }
        int[] at = YamlLocator.locate(scenario.text(), java.util.List.of("world", KEY));
        throw new ScenarioException(scenario.origin(), "world." + KEY, at[0], at[1], "no visit model '" + reference
                + "' beside the scenario, in the working directory or bundled (bundled: visit-models/movielens)");
    }
}

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
import java.util.List;
import java.util.Set;

/**
 * A fitted model a scenario names in its world, and takes under whatever the scenario itself sets:
 * <ul>
 * <li>{@code world.visit_model: FILE}, written by {@code loopsim fit --events}: its {@code visits},
 *     {@code population} and (with {@code --churn hazard}) {@code churn} settings;</li>
 * <li>{@code world.response_model: FILE}, written by {@code loopsim fit --impressions}: its
 *     {@code response}, {@code fitted} (items and contexts), {@code churn} and {@code dynamics}
 *     settings, its {@code page}, and its {@code visits} where the world names none.</li>
 * </ul>
 *
 * <p>FILE is looked up beside the scenario file, then from the working directory, then in the
 * bundled library; {@code .yaml} may be left off.
 */
final class ModelInclude {
    private static final String LIBRARY = "/dev/loopsim/scenarios/library/";

    /**
     * One kind of include: its key, the world settings and top-level settings it may carry, those
     * of them it sets only where the world has none (rather than merged under the world's own), and
     * what writes it.
     */
    private record Kind(String key, Set<String> worldParts, Set<String> topParts, Set<String> onlyIfAbsent, String writer,
                        String bundled) {
        Set<String> parts() {
            Set<String> all = new java.util.TreeSet<>(worldParts);
            all.addAll(topParts);
            return all;
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("visit_model", Set.of("visits", "population", "churn"), Set.of(), Set.of(), "loopsim fit --events",
                    "visit-models/movielens"),
            // A click log's visits are a placeholder: any visit model the scenario or a visit_model names replaces them whole.
            new Kind("response_model", Set.of("response", "fitted", "visits", "churn", "dynamics"), Set.of("page"), Set.of("visits"),
                    "loopsim fit --impressions", null));

    private ModelInclude() { }

    static void apply(ScenarioSource source, ObjectNode root) throws ScenarioException {
        for (Kind kind : KINDS) {
            apply(kind, source, root);
        }
    }

    private static void apply(Kind kind, ScenarioSource source, ObjectNode root) throws ScenarioException {
        if (!(root.get("world") instanceof ObjectNode world) || !world.has(kind.key())) {
            return;
        }
        JsonNode reference = world.get(kind.key());
        if (!reference.isTextual() || reference.asText().isBlank()) {
            int[] at = YamlLocator.locate(source.text(), List.of("world", kind.key()));
            throw new ScenarioException(source.origin(), "world." + kind.key(), at[0], at[1],
                    "expected the path of a file written by '" + kind.writer() + "'"
                            + (kind.bundled() == null ? "" : " or a bundled model such as " + kind.bundled()));
        }
        ScenarioSource included = find(kind, source, reference.asText().trim());
        JsonNode block = read(kind, included);
        world.remove(kind.key());
        for (String part : kind.worldParts()) {
            if (kind.onlyIfAbsent().contains(part) && world.has(part)) {
                continue;
            }
            if (block.has(part)) {
                world.set(part, DefaultsMerge.merge(block.get(part), world.get(part)));
            }
        }
        for (String part : kind.topParts()) {
            if (block.has(part)) {
                root.set(part, DefaultsMerge.merge(block.get(part), root.get(part)));
            }
        }
    }

    private static JsonNode read(Kind kind, ScenarioSource included) throws ScenarioException {
        JsonNode tree;
        try {
            tree = ScenarioLoader.mapper().readTree(included.text());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ScenarioException(included.origin(), "", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid YAML: " + e.getOriginalMessage().split("\\R", 2)[0]);
        }
        JsonNode block = tree == null ? null : tree.get(kind.key());
        if (!(block instanceof ObjectNode)) {
            throw new ScenarioException(included.origin(), "", 1, 1, "expected a '" + kind.key() + ":' mapping with "
                    + String.join(", ", kind.parts()));
        }
        for (Iterator<String> names = block.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!kind.parts().contains(name)) {
                int[] at = YamlLocator.locate(included.text(), List.of(kind.key(), name));
                throw new ScenarioException(included.origin(), kind.key() + "." + name, at[0], at[1],
                        "unknown key '" + name + "'; expected one of " + kind.parts().stream().toList());
            }
        }
        return block;
    }

    private static ScenarioSource find(Kind kind, ScenarioSource scenario, String reference) throws ScenarioException {
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
        try (InputStream in = ModelInclude.class.getResourceAsStream(LIBRARY + file)) {
            if (in != null) {
                return new ScenarioSource("scenarios/library/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ScenarioException("scenarios/library/" + file, "", 0, 0, "cannot read: " + e.getMessage());
        }
        int[] at = YamlLocator.locate(scenario.text(), List.of("world", kind.key()));
        String noun = kind.key().replace('_', ' ');
        throw new ScenarioException(scenario.origin(), "world." + kind.key(), at[0], at[1], "no " + noun + " '" + reference
                + "' beside the scenario, in the working directory or bundled"
                + (kind.bundled() == null ? "" : " (bundled: " + kind.bundled() + ")"));
    }
}

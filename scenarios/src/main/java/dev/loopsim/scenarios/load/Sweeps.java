package dev.loopsim.scenarios.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's {@code sweep}: the fields it varies, by dotted path (as {@code --set} takes them),
 * over a grid (every combination) or a list of points.
 * <pre>
 * sweep:
 *   grid:
 *     cells.explore.explore: [0, 0.1, 0.3]
 *     world.population.members: [500, 1000]
 * # or
 * sweep:
 *   points:
 *     - {cells.explore.explore: 0.1, horizon_days: 60}
 *     - {cells.explore.explore: 0.3, horizon_days: 90}
 * </pre>
 */
public final class Sweeps {
    static final String KEY = "sweep";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Sweeps() { }

    /** One point's values, by path, as YAML text, and the overrides that set them. */
    record Assignment(Map<String, String> values) {
        List<String> overrides() {
            return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        }
    }

    /** A point of the sweep: its index, its parameter values (YAML text, by path) and its scenario. */
    public record Point(int index, Map<String, String> values, ScenarioLoader.Loaded loaded) { }

    /** The sweep's parameter paths, in order, and its points. */
    public record Sweep(List<String> parameters, List<Point> points) {
        public boolean isSweep() {
            return !parameters.isEmpty();
        }
    }

    /** The points of a sweep block; one point without values when there is no block. */
    static List<Assignment> points(ScenarioSource source, JsonNode block) throws ScenarioException {
        if (block == null) {
            return List.of(new Assignment(Map.of()));
        }
        JsonNode grid = block.get("grid");
        JsonNode list = block.get("points");
        if (!block.isObject() || block.size() != 1 || (grid == null) == (list == null)) {
            throw error(source, List.of(KEY), "expected 'grid:' (a list of values for each path) or 'points:' (a list of "
                    + "mappings of path to value)");
        }
        List<Assignment> points = new ArrayList<>();
        if (grid != null) {
            if (!grid.isObject() || grid.isEmpty()) {
                throw error(source, List.of(KEY, "grid"), "expected a mapping of dotted path to a list of values");
            }
            points.add(new Assignment(new LinkedHashMap<>()));
            for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> axis = it.next();
                if (!axis.getValue().isArray() || axis.getValue().isEmpty()) {
                    throw error(source, List.of(KEY, "grid", axis.getKey()), "expected a non-empty list of values");
                }
                List<Assignment> grown = new ArrayList<>();
                for (Assignment point : points) {
                    for (JsonNode value : axis.getValue()) {
                        Map<String, String> values = new LinkedHashMap<>(point.values());
                        values.put(axis.getKey(), text(value));
                        grown.add(new Assignment(values));
                    }
                }
                points = grown;
            }
            return points;
        }
        if (!list.isArray() || list.isEmpty()) {
            throw error(source, List.of(KEY, "points"), "expected a non-empty list of mappings of dotted path to value");
        }
        List<String> paths = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode point = list.get(i);
            if (!point.isObject() || point.isEmpty()) {
                throw error(source, List.of(KEY, "points", Integer.toString(i)), "expected a mapping of dotted path to value");
            }
            Map<String, String> values = new LinkedHashMap<>();
            point.fields().forEachRemaining(e -> values.put(e.getKey(), text(e.getValue())));
            if (paths != null && !paths.equals(List.copyOf(values.keySet()))) {
                throw error(source, List.of(KEY, "points", Integer.toString(i)), "every point sets the same paths, in the same "
                        + "order, as the first: " + paths);
            }
            paths = List.copyOf(values.keySet());
            points.add(new Assignment(values));
        }
        return points;
    }

    /** A value as one line of YAML: JSON for anything but a plain string. */
    static String text(JsonNode value) {
        try {
            return value.isTextual() ? value.asText() : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed value could not be written back", e);
        }
    }

    private static ScenarioException error(ScenarioSource source, List<String> path, String problem) {
        int[] at = YamlLocator.locate(source.text(), path);
        return new ScenarioException(source.origin(), String.join(".", path), at[0], at[1], problem);
    }
}

package dev.loopsim.scenarios.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.scenarios.spec.DidYouMean;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --set a.b.c=value} overrides, applied to the YAML tree before defaults and
 * validation, so an override is checked exactly like the file. The value is read as YAML
 * ({@code 3}, {@code 1h}, {@code [7, 28]}, {@code {type: random}}). In a list, a segment is an
 * index or the {@code name} of an item: {@code cells.popularity.retrain_every=2d}.
 */
public final class Overrides {
    private Overrides() { }

    /** The dotted path of an override, as segments. */
    public static List<String> path(String assignment) {
        int equals = assignment.indexOf('=');
        return List.of(assignment.substring(0, Math.max(equals, 0)).split("\\."));
    }

    public static void apply(ObjectMapper mapper, ObjectNode root, String assignment) throws ScenarioException {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw bad(assignment, "expected KEY.PATH=VALUE, e.g. world.population.members=500");
        }
        String[] segments = assignment.substring(0, equals).split("\\.", -1);
        for (String segment : segments) {
            if (segment.isBlank()) {
                throw bad(assignment, "empty segment in the key path '" + assignment.substring(0, equals) + "'");
            }
        }
        JsonNode value;
        try {
            String text = assignment.substring(equals + 1);
            value = text.isEmpty() ? mapper.getNodeFactory().textNode("") : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(assignment, "the value is not valid YAML: " + e.getOriginalMessage());
        }
        JsonNode node = root;
        List<String> walked = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (node instanceof ObjectNode object) {
                if (last) {
                    object.set(segment, value);
                    return;
                }
                JsonNode next = object.get(segment);
                if (next == null || !next.isContainerNode()) {
                    next = object.putObject(segment);
                }
                node = next;
            } else if (node instanceof ArrayNode array) {
                int index = indexIn(array, segment, assignment, walked);
                if (last) {
                    array.set(index, value);
                    return;
                }
                node = array.get(index);
            } else {
                throw bad(assignment, String.join(".", walked) + " is not a mapping or a list");
            }
            walked.add(segment);
        }
    }

    private static int indexIn(ArrayNode array, String segment, String assignment, List<String> walked)
            throws ScenarioException {
        if (segment.matches("\\d+")) {
            int index = Integer.parseInt(segment);
            if (index >= array.size()) {
                throw bad(assignment, String.join(".", walked) + " has " + array.size() + " items; no index " + index);
            }
            return index;
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < array.size(); k++) {
            JsonNode name = array.get(k).get("name");
            if (name != null && name.asText().equals(segment)) {
                return k;
            }
            if (name != null) {
                names.add(name.asText());
            }
        }
        throw bad(assignment, String.join(".", walked) + " has no item named '" + segment + "'"
                + DidYouMean.suggest(segment, names) + "; names: " + names);
    }

    private static ScenarioException bad(String assignment, String problem) {
        return new ScenarioException("--set " + assignment, "", 0, 0, problem);
    }
}

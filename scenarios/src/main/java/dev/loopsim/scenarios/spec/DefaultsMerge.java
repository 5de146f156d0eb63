package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Lays a user's YAML tree over a tree of defaults. Objects merge key by key (keys the defaults
 * lack are kept, so that mapping rejects them as unknown); scalars and lists of scalars from the
 * user replace the default; a default list holding one object is a template that every object
 * of the user's list is merged over.
 */
public final class DefaultsMerge {
    private DefaultsMerge() { }

    public static JsonNode merge(JsonNode defaults, JsonNode user) {
        if (user == null || user.isMissingNode()) {
            return defaults.deepCopy();
        }
        if (defaults instanceof ObjectNode base && user instanceof ObjectNode overlay) {
            ObjectNode merged = base.deepCopy();
            base.fields().forEachRemaining(field -> {
                if (isTemplate(field.getValue()) && !overlay.has(field.getKey())) {
                    merged.putArray(field.getKey()); // a template describes items; by itself it is no item
                }
            });
            Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode prior = merged.get(field.getKey());
                merged.set(field.getKey(), prior == null ? field.getValue().deepCopy() : merge(prior, field.getValue()));
            }
            return merged;
        }
        if (isTemplate(defaults) && user instanceof ArrayNode items) {
            ArrayNode template = (ArrayNode) defaults;
            ArrayNode merged = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : items) {
                merged.add(item.isObject() ? merge(template.get(0), item) : item.deepCopy());
            }
            return merged;
        }
        return user.deepCopy();
    }

    private static boolean isTemplate(JsonNode node) {
        return node instanceof ArrayNode array && array.size() == 1 && array.get(0).isObject();
    }
}

package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code {type: NAME, ...parameters}} for a family of registered types (rankers, visit
 * models): the type by name, its parameters laid over that type's own defaults.
 *
 * @param <S> the spec the pair becomes
 */
abstract class TypedDeserializer<S> extends StdDeserializer<S> {

    /** One registered type: name, parameter record class and its defaults. */
    record Choice(String name, Class<? extends Record> parameterType, Record defaults) { }

    private final String family;
    private final String example;

    TypedDeserializer(Class<S> spec, String family, String example) {
        super(spec);
        this.family = family;
        this.example = example;
    }

    abstract List<Choice> choices();

    abstract S create(String type, Record parameters);

    @Override
    public S deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        List<String> known = choices().stream().map(Choice::name).toList();
        if (!node.isObject()) {
            return context.reportInputMismatch(handledType(), "expected a " + family + " such as " + example + ", one of " + known);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            return context.reportInputMismatch(handledType(), "a " + family + " needs 'type', one of " + known);
        }
        Optional<Choice> choice = choices().stream().filter(c -> c.name().equals(type.asText())).findFirst();
        if (choice.isEmpty()) {
            JsonMappingException e = JsonMappingException.from(parser, "unknown " + family + " type '" + type.asText() + "'"
                    + DidYouMean.suggest(type.asText(), known) + "; known types: " + known);
            throw JsonMappingException.wrapWithPath(e, handledType(), "type");
        }
        ObjectMapper mapper = (ObjectMapper) parser.getCodec();
        ObjectNode parameters = ((ObjectNode) node).deepCopy();
        parameters.remove("type");
        JsonNode merged = DefaultsMerge.merge(mapper.valueToTree(choice.get().defaults()), parameters);
        Record values = context.readTreeAsValue(merged, choice.get().parameterType());
        return create(choice.get().name(), values);
    }
}

package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import dev.loopsim.core.Registered;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code {type: NAME, ...parameters}} for a family of registered types (rankers, visit
 * models): the type by name, its parameters laid over that type's own defaults. A spec's
 * reader is this over its family, as a class of its own because Jackson's annotation names one.
 *
 * @param <S> the spec the pair becomes
 */
abstract class TypedDeserializer<S extends TypedSpec> extends StdDeserializer<S> {
    private final TypedSpec.Family<S> family;

    TypedDeserializer(Class<S> spec, TypedSpec.Family<S> family) {
        super(spec);
        this.family = family;
    }

    @Override
    public S deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        List<String> known = family.names();
        if (!node.isObject()) {
            return context.reportInputMismatch(handledType(), "expected a " + family.noun() + " such as " + family.example()
                    + ", one of " + known);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            return context.reportInputMismatch(handledType(), "a " + family.noun() + " needs 'type', one of " + known);
        }
        Optional<? extends Registered<?>> choice = family.find(type.asText());
        if (choice.isEmpty()) {
            JsonMappingException e = JsonMappingException.from(parser, "unknown " + family.noun() + " type '" + type.asText()
                    + "'" + DidYouMean.suggest(type.asText(), known) + "; known types: " + known);
            throw JsonMappingException.wrapWithPath(e, handledType(), "type");
        }
        ObjectMapper mapper = (ObjectMapper) parser.getCodec();
        ObjectNode parameters = ((ObjectNode) node).deepCopy();
        parameters.remove("type");
        JsonNode merged = DefaultsMerge.merge(mapper.valueToTree(choice.get().defaults()), parameters);
        Record values = context.readTreeAsValue(merged, choice.get().parameterType());
        return family.create().apply(choice.get().name(), values);
    }
}

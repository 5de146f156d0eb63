package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.policies.PolicyRegistry;
import dev.loopsim.policies.PolicyType;
import dev.loopsim.scenarios.load.DefaultsMerge;
import dev.loopsim.scenarios.load.DidYouMean;
import java.io.IOException;
import java.util.List;

/** Reads {@code {type: NAME, ...parameters}}: the type from the registry, parameters over its defaults. */
final class RankerSpecDeserializer extends StdDeserializer<RankerSpec> {

    RankerSpecDeserializer() {
        super(RankerSpec.class);
    }

    @Override
    public RankerSpec deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        List<String> known = PolicyRegistry.rankers().stream().map(PolicyType::name).toList();
        if (!node.isObject()) {
            return context.reportInputMismatch(RankerSpec.class,
                    "expected a ranker such as {type: popularity}, one of " + known);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            return context.reportInputMismatch(RankerSpec.class, "a ranker needs 'type', one of " + known);
        }
        PolicyType<?> policy = PolicyRegistry.ranker(type.asText()).orElse(null);
        if (policy == null) {
            JsonMappingException e = JsonMappingException.from(parser, "unknown ranker type '" + type.asText() + "'"
                    + DidYouMean.suggest(type.asText(), known) + "; known types: " + known);
            throw JsonMappingException.wrapWithPath(e, RankerSpec.class, "type");
        }
        ObjectMapper mapper = (ObjectMapper) parser.getCodec();
        ObjectNode parameters = ((ObjectNode) node).deepCopy();
        parameters.remove("type");
        JsonNode merged = DefaultsMerge.merge(mapper.valueToTree(policy.defaults()), parameters);
        Record values = context.readTreeAsValue(merged, policy.parameterType());
        return new RankerSpec(policy.name(), values);
    }
}

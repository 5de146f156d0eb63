package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.function.Function;

/** Writes a typed spec back as {@code {type: NAME, ...parameters}}, every parameter resolved. */
abstract class TypedSerializer<S> extends StdSerializer<S> {
    private final Function<S, String> type;
    private final Function<S, Record> parameters;

    TypedSerializer(Class<S> spec, Function<S, String> type, Function<S, Record> parameters) {
        super(spec);
        this.type = type;
        this.parameters = parameters;
    }

    @Override
    public void serialize(S spec, JsonGenerator generator, SerializerProvider provider) throws IOException {
        ObjectMapper mapper = (ObjectMapper) generator.getCodec();
        ObjectNode node = mapper.createObjectNode();
        node.put("type", type.apply(spec));
        node.setAll((ObjectNode) mapper.valueToTree(parameters.apply(spec)));
        generator.writeTree(node);
    }
}

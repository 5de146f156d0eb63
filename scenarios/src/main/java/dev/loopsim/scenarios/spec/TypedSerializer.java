package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes a typed spec back as {@code {type: NAME, ...parameters}}, every parameter resolved. */
final class TypedSerializer extends StdSerializer<TypedSpec> {

    TypedSerializer() {
        super(TypedSpec.class);
    }

    @Override
    public void serialize(TypedSpec spec, JsonGenerator generator, SerializerProvider provider) throws IOException {
        ObjectMapper mapper = (ObjectMapper) generator.getCodec();
        ObjectNode node = mapper.createObjectNode();
        node.put("type", spec.type());
        node.setAll((ObjectNode) mapper.valueToTree(spec.parameters()));
        generator.writeTree(node);
    }
}

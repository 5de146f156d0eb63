package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.loopsim.core.Keys;
import java.io.IOException;
import java.util.List;

/**
 * Every enum in a scenario is read and written by its {@link Keys} spelling ({@code per-cell},
 * {@code take-rate}); anything else fails with the keys it could have been and the nearest one.
 */
public final class KeyedEnums {
    private KeyedEnums() { }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("loopsim-keyed-enums");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> standard) {
                return reader(type.getRawClass());
            }
        });
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType type,
                                                          BeanDescription description, JsonSerializer<?> standard) {
                return new Writer();
            }
        });
        return module;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // only enum types reach modifyEnumDeserializer
    private static JsonDeserializer<?> reader(Class<?> type) {
        return new Reader(type);
    }

    private static final class Reader<E extends Enum<E>> extends JsonDeserializer<E> {
        private final Class<E> type;

        Reader(Class<E> type) {
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            List<String> keys = Keys.all(type);
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.reportInputMismatch(type, "expected one of " + keys + ", found "
                        + (parser.currentToken().isStructStart() ? "a " + (parser.isExpectedStartArrayToken() ? "list" : "mapping")
                        : "'" + parser.getText() + "'"));
            }
            String text = parser.getText();
            java.util.Optional<E> value = Keys.find(type, text);
            return value.isPresent() ? value.get() : context.reportInputMismatch(type, "expected one of " + keys + ", found '"
                    + text + "'" + DidYouMean.suggest(text, keys));
        }
    }

    private static final class Writer extends JsonSerializer<Enum<?>> {
        @Override
        public void serialize(Enum<?> value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(Keys.of(value));
        }
    }
}

package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.policies.PolicyRegistry;
import java.util.List;
import java.util.Objects;

/** An artwork selector by registered name with its parameters: {@code {type: thompson, reward: completion}}. */
@JsonDeserialize(using = ArtworkSpec.Reader.class)
@JsonSerialize(using = ArtworkSpec.Writer.class)
public record ArtworkSpec(String type, Record parameters) {

    public ArtworkSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parameters, "parameters");
        if (parameters instanceof dev.loopsim.core.RequiresSettings required) {
            required.checkRequired();
        }
    }

    public ArtworkSelector create(Catalog catalog) {
        return PolicyRegistry.artworkSelector(type).orElseThrow().create(catalog, null, parameters);
    }

    static final class Reader extends TypedDeserializer<ArtworkSpec> {
        Reader() {
            super(ArtworkSpec.class, "artwork selector", "{type: thompson}");
        }

        @Override
        List<Choice> choices() {
            return PolicyRegistry.artworkSelectors().stream()
                    .map(t -> new Choice(t.name(), t.parameterType(), t.defaults())).toList();
        }

        @Override
        ArtworkSpec create(String type, Record parameters) {
            return new ArtworkSpec(type, parameters);
        }
    }

    static final class Writer extends TypedSerializer<ArtworkSpec> {
        Writer() {
            super(ArtworkSpec.class, ArtworkSpec::type, ArtworkSpec::parameters);
        }
    }
}

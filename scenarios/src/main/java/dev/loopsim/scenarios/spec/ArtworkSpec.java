package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.policies.PolicyRegistry;
import java.util.Objects;

/** An artwork selector by registered name with its parameters: {@code {type: thompson, reward: completion}}. */
@JsonDeserialize(using = ArtworkSpec.Reader.class)
@JsonSerialize(using = TypedSerializer.class)
public record ArtworkSpec(String type, Record parameters) implements TypedSpec {

    public ArtworkSpec {
        Objects.requireNonNull(type, "type");
        parameters = TypedSpec.checked(parameters);
    }

    public ArtworkSelector create(Catalog catalog) {
        return PolicyRegistry.artworkSelector(type).orElseThrow().create(catalog, null, parameters);
    }

    static final TypedSpec.Family<ArtworkSpec> FAMILY = new TypedSpec.Family<>("artwork selector", "{type: thompson}",
            PolicyRegistry::artworkSelectors, ArtworkSpec::new);

    static final class Reader extends TypedDeserializer<ArtworkSpec> {
        Reader() {
            super(ArtworkSpec.class, FAMILY);
        }
    }
}

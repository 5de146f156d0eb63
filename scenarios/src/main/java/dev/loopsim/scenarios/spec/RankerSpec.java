package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.policies.PolicyRegistry;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.model.WorldTruth;
import dev.loopsim.core.world.Catalog;
import java.util.Objects;

/**
 * A ranker by registered name with its parameters: {@code {type: popularity, prior_weight: 1}}.
 */
@JsonDeserialize(using = RankerSpec.Reader.class)
@JsonSerialize(using = TypedSerializer.class)
public record RankerSpec(String type, Record parameters) implements TypedSpec {

    public RankerSpec {
        Objects.requireNonNull(type, "type");
        parameters = TypedSpec.checked(parameters);
    }

    /** @param truth the world's truth, which reaches the ranker only if its type declares it sees the truth */
    public Ranker create(Catalog catalog, WorldTruth truth) {
        return PolicyRegistry.ranker(type).orElseThrow().create(catalog, truth, parameters);
    }

    /** A ranker of the given type with its default parameters. */
    public static RankerSpec withDefaults(String type) {
        return new RankerSpec(type, PolicyRegistry.ranker(type).orElseThrow().defaults());
    }

    static final TypedSpec.Family<RankerSpec> FAMILY = new TypedSpec.Family<>("ranker", "{type: popularity}",
            PolicyRegistry::rankers, RankerSpec::new);

    static final class Reader extends TypedDeserializer<RankerSpec> {
        Reader() {
            super(RankerSpec.class, FAMILY);
        }
    }
}

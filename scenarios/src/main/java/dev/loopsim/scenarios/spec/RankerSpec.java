package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.policies.PolicyRegistry;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.world.Catalog;
import java.util.Objects;

/**
 * A ranker by registered name with its parameters: {@code {type: popularity, prior_weight: 1}}.
 */
@JsonDeserialize(using = RankerSpecDeserializer.class)
@JsonSerialize(using = RankerSpecSerializer.class)
public record RankerSpec(String type, Record parameters) {

    public RankerSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parameters, "parameters");
    }

    public Ranker create(Catalog catalog) {
        return PolicyRegistry.ranker(type).orElseThrow().create(catalog, parameters);
    }

    /** A ranker of the given type with its default parameters. */
    public static RankerSpec withDefaults(String type) {
        return new RankerSpec(type, PolicyRegistry.ranker(type).orElseThrow().defaults());
    }
}

package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.policies.PolicyRegistry;
import dev.loopsim.policies.PolicyType;
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

    public PolicyType<?> policyType() {
        return PolicyRegistry.ranker(type).orElseThrow();
    }
}

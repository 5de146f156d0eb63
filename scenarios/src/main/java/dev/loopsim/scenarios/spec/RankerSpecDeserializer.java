package dev.loopsim.scenarios.spec;

import dev.loopsim.policies.PolicyRegistry;
import java.util.List;

/** Rankers by their registered names (see {@link PolicyRegistry}). */
final class RankerSpecDeserializer extends TypedDeserializer<RankerSpec> {

    RankerSpecDeserializer() {
        super(RankerSpec.class, "ranker", "{type: popularity}");
    }

    @Override
    List<Choice> choices() {
        return PolicyRegistry.rankers().stream().map(t -> new Choice(t.name(), t.parameterType(), t.defaults())).toList();
    }

    @Override
    RankerSpec create(String type, Record parameters) {
        return new RankerSpec(type, parameters);
    }
}

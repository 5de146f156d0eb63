package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.policies.bandit.BanditAlgorithms;
import java.util.Objects;

/** A bandit algorithm by registered name with its parameters: {@code {type: thompson, discount: 0.99}}. */
@JsonDeserialize(using = BanditSpec.Reader.class)
@JsonSerialize(using = TypedSerializer.class)
public record BanditSpec(String type, Record parameters) implements TypedSpec {

    public BanditSpec {
        Objects.requireNonNull(type, "type");
        parameters = TypedSpec.checked(parameters);
    }

    public BanditAlgorithms.Type<?> algorithm() {
        return BanditAlgorithms.find(type).orElseThrow();
    }

    public BanditAlgorithms.Settings settings() {
        return (BanditAlgorithms.Settings) parameters;
    }

    static final TypedSpec.Family<BanditSpec> FAMILY = new TypedSpec.Family<>("bandit", "{type: thompson}",
            BanditAlgorithms::all, BanditSpec::new);

    static final class Reader extends TypedDeserializer<BanditSpec> {
        Reader() {
            super(BanditSpec.class, FAMILY);
        }
    }
}

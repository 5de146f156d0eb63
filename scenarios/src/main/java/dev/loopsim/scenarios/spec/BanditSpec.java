package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.policies.bandit.BanditAlgorithms;
import java.util.List;
import java.util.Objects;

/** A bandit algorithm by registered name with its parameters: {@code {type: thompson, discount: 0.99}}. */
@JsonDeserialize(using = BanditSpec.Reader.class)
@JsonSerialize(using = BanditSpec.Writer.class)
public record BanditSpec(String type, Record parameters) {

    public BanditSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parameters, "parameters");
    }

    public BanditAlgorithms.Type<?> algorithm() {
        return BanditAlgorithms.find(type).orElseThrow();
    }

    public BanditAlgorithms.Settings settings() {
        return (BanditAlgorithms.Settings) parameters;
    }

    static final class Reader extends TypedDeserializer<BanditSpec> {
        Reader() {
            super(BanditSpec.class, "bandit", "{type: thompson}");
        }

        @Override
        List<Choice> choices() {
            return BanditAlgorithms.all().stream().map(t -> new Choice(t.name(), t.parameterType(), t.defaults())).toList();
        }

        @Override
        BanditSpec create(String type, Record parameters) {
            return new BanditSpec(type, parameters);
        }
    }

    static final class Writer extends TypedSerializer<BanditSpec> {
        Writer() {
            super(BanditSpec.class, BanditSpec::type, BanditSpec::parameters);
        }
    }
}

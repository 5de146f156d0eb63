package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.core.model.VisitModel;
import dev.loopsim.users.visit.SelfExcitingParameters;
import dev.loopsim.users.visit.VisitModels;
import java.util.List;
import java.util.Objects;

/** A visit model by registered name with its parameters: {@code {type: self-exciting, excitation: 0.2}}. */
@JsonDeserialize(using = VisitSpec.Reader.class)
@JsonSerialize(using = VisitSpec.Writer.class)
public record VisitSpec(String type, Record parameters) {
    public static final VisitSpec DEFAULTS = new VisitSpec("self-exciting", SelfExcitingParameters.DEFAULTS);

    public VisitSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parameters, "parameters");
    }

    public VisitModel create() {
        return VisitModels.find(type).orElseThrow().create(parameters);
    }

    static final class Reader extends TypedDeserializer<VisitSpec> {
        Reader() {
            super(VisitSpec.class, "visit model", "{type: self-exciting}");
        }

        @Override
        List<Choice> choices() {
            return VisitModels.all().stream().map(t -> new Choice(t.name(), t.parameterType(), t.defaults())).toList();
        }

        @Override
        VisitSpec create(String type, Record parameters) {
            return new VisitSpec(type, parameters);
        }
    }

    static final class Writer extends TypedSerializer<VisitSpec> {
        Writer() {
            super(VisitSpec.class, VisitSpec::type, VisitSpec::parameters);
        }
    }
}

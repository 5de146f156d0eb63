package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.core.model.VisitModel;
import dev.loopsim.users.visit.SelfExcitingParameters;
import dev.loopsim.users.visit.VisitModels;
import java.util.Objects;

/** A visit model by registered name with its parameters: {@code {type: self-exciting, excitation: 0.2}}. */
@JsonDeserialize(using = VisitSpec.Reader.class)
@JsonSerialize(using = TypedSerializer.class)
public record VisitSpec(String type, Record parameters) implements TypedSpec {
    public static final VisitSpec DEFAULTS = new VisitSpec("self-exciting", SelfExcitingParameters.DEFAULTS);

    public VisitSpec {
        Objects.requireNonNull(type, "type");
        parameters = TypedSpec.checked(parameters);
    }

    public VisitModel create() {
        return VisitModels.find(type).orElseThrow().create(parameters);
    }

    static final TypedSpec.Family<VisitSpec> FAMILY = new TypedSpec.Family<>("visit model", "{type: self-exciting}",
            VisitModels::all, VisitSpec::new);

    static final class Reader extends TypedDeserializer<VisitSpec> {
        Reader() {
            super(VisitSpec.class, FAMILY);
        }
    }
}

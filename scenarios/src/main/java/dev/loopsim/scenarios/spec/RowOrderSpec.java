package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.policies.PolicyRegistry;
import dev.loopsim.core.policy.RowOrder;
import java.util.List;
import java.util.Objects;

/** What orders a cell's rows, by registered name with its parameters: {@code {type: thompson}} or {@code {type: remote, ...}}. */
@JsonDeserialize(using = RowOrderSpec.Reader.class)
@JsonSerialize(using = TypedSerializer.class)
public record RowOrderSpec(String type, Record parameters) implements TypedSpec {

    public RowOrderSpec {
        Objects.requireNonNull(type, "type");
        parameters = TypedSpec.checked(parameters);
    }

    /** @param kinds the label of each row of the plan, in plan order */
    public RowOrder create(Catalog catalog, List<String> kinds) {
        return PolicyRegistry.rowOrder(type).orElseThrow().create(catalog, null, parameters).create(kinds);
    }

    static final TypedSpec.Family<RowOrderSpec> FAMILY = new TypedSpec.Family<>("row order", "{type: thompson}",
            PolicyRegistry::rowOrders, RowOrderSpec::new);

    static final class Reader extends TypedDeserializer<RowOrderSpec> {
        Reader() {
            super(RowOrderSpec.class, FAMILY);
        }
    }
}

package dev.loopsim.scenarios.spec;

import dev.loopsim.core.Registered;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A registered type by name with its parameters, {@code {type: NAME, ...parameters}}: read by
 * {@link TypedDeserializer} over its {@link Family}, written back by {@link TypedSerializer}.
 */
interface TypedSpec {
    String type();

    Record parameters();

    /**
     * What a family of typed specs shares: the word its errors use, an example, its registered
     * types, and how a spec is made from a type's name and its parameters.
     */
    record Family<S extends TypedSpec>(String noun, String example, Supplier<List<? extends Registered<?>>> types,
                                       BiFunction<String, Record, S> create) {
        Optional<? extends Registered<?>> find(String name) {
            return types.get().stream().filter(t -> t.name().equals(name)).findFirst();
        }

        List<String> names() {
            return types.get().stream().map(Registered::name).toList();
        }
    }

    /** The parameters, once a setting with no default has been checked for (a remote policy's service). */
    static Record checked(Record parameters) {
        java.util.Objects.requireNonNull(parameters, "parameters");
        if (parameters instanceof dev.loopsim.core.RequiresSettings required) {
            required.checkRequired();
        }
        return parameters;
    }
}

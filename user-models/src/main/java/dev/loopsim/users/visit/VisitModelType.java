package dev.loopsim.users.visit;

import java.util.function.Function;
import dev.loopsim.core.model.VisitModel;

/**
 * A registered visit model: its kebab-case name, what it is, its parameter record with defaults,
 * and how to build it.
 */
public record VisitModelType<P extends Record>(String name, String description, Class<P> parameterType, P defaults,
                                               Function<P, VisitModel> factory) implements dev.loopsim.core.Registered<P> {

    public VisitModel create(Record parameters) {
        return factory.apply(parameterType.cast(parameters));
    }
}

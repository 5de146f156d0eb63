package dev.loopsim.policies;

import java.util.function.BiFunction;
import dev.loopsim.core.world.Catalog;

/**
 * A registered policy: its kebab-case name, what it does, its parameter record with defaults,
 * and how to build it.
 *
 * @param <P> the parameter record; its components are the policy's YAML keys
 * @param <T> what it builds: a ranker or an artwork selector
 */
public record PolicyType<P extends Record, T>(String name, String description, Class<P> parameterType, P defaults,
                                              BiFunction<Catalog, P, T> factory) {

    /** Builds the policy from parameters of this type (checked at run time). */
    public T create(Catalog catalog, Record parameters) {
        return factory.apply(catalog, parameterType.cast(parameters));
    }
}

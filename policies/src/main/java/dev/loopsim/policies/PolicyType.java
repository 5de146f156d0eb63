package dev.loopsim.policies;

import java.util.function.BiFunction;
import java.util.function.Function;
import dev.loopsim.core.world.Catalog;

/**
 * A registered policy: its kebab-case name, what it does, its parameter record with defaults,
 * what it can do (its capabilities may depend on its parameters), and how to build it.
 *
 * @param <P> the parameter record; its components are the policy's YAML keys
 * @param <T> what it builds: a ranker or an artwork selector
 */
public record PolicyType<P extends Record, T>(String name, String description, Class<P> parameterType, P defaults,
                                              Function<P, Capabilities> capabilities, BiFunction<Catalog, P, T> factory) {

    /** A policy whose capabilities are the same for any parameters. */
    public PolicyType(String name, String description, Class<P> parameterType, P defaults, Capabilities capabilities,
                      BiFunction<Catalog, P, T> factory) {
        this(name, description, parameterType, defaults, p -> capabilities, factory);
    }

    /** What the policy can do with these parameters (of this type, checked at run time). */
    public Capabilities capabilities(Record parameters) {
        return capabilities.apply(parameterType.cast(parameters));
    }

    /** Builds the policy from parameters of this type (checked at run time). */
    public T create(Catalog catalog, Record parameters) {
        return factory.apply(catalog, parameterType.cast(parameters));
    }
}

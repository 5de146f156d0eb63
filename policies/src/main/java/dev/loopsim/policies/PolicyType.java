package dev.loopsim.policies;

import dev.loopsim.core.policy.Capabilities;
import java.util.function.BiFunction;
import java.util.function.Function;
import dev.loopsim.core.model.WorldTruth;
import dev.loopsim.core.world.Catalog;

/**
 * A registered policy: its kebab-case name, what it does, its parameter record with defaults,
 * what it can do (its capabilities may depend on its parameters), and how to build it: from the
 * catalog alone, or, for the one policy that sees the truth, from the world's truth.
 *
 * @param <P> the parameter record; its components are the policy's YAML keys
 * @param <T> what it builds: a ranker or an artwork selector
 */
public record PolicyType<P extends Record, T>(String name, String description, Class<P> parameterType, P defaults,
                                              Function<P, Capabilities> capabilities, BiFunction<Catalog, P, T> factory,
                                              BiFunction<WorldTruth, P, T> truthFactory) implements dev.loopsim.core.Registered<P> {

    /** A policy that decides from what it observes, whose capabilities may depend on its parameters. */
    public PolicyType(String name, String description, Class<P> parameterType, P defaults,
                      Function<P, Capabilities> capabilities, BiFunction<Catalog, P, T> factory) {
        this(name, description, parameterType, defaults, capabilities, factory, null);
    }

    /** A policy that decides from what it observes, with the same capabilities for any parameters. */
    public PolicyType(String name, String description, Class<P> parameterType, P defaults, Capabilities capabilities,
                      BiFunction<Catalog, P, T> factory) {
        this(name, description, parameterType, defaults, p -> capabilities, factory);
    }

    /** The policy given the world's truth: {@link Capabilities#ORACLE}, built from the truth. */
    public static <P extends Record, T> PolicyType<P, T> seeingTruth(String name, String description, Class<P> parameterType,
                                                                    P defaults, BiFunction<WorldTruth, P, T> factory) {
        return new PolicyType<>(name, description, parameterType, defaults, p -> Capabilities.ORACLE, null, factory);
    }

    /** What the policy can do with these parameters (of this type, checked at run time). */
    public Capabilities capabilities(Record parameters) {
        return capabilities.apply(parameterType.cast(parameters));
    }

    /**
     * Builds the policy from parameters of this type (checked at run time). The truth reaches only
     * a type that declares {@link Capabilities#seesTruth}.
     */
    public T create(Catalog catalog, WorldTruth truth, Record parameters) {
        P p = parameterType.cast(parameters);
        if (capabilities.apply(p).seesTruth()) {
            return truthFactory.apply(java.util.Objects.requireNonNull(truth, name + " needs the world's truth"), p);
        }
        return factory.apply(catalog, p);
    }
}

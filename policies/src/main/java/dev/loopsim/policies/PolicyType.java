package dev.loopsim.policies;

import java.util.function.BiFunction;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.world.Catalog;

/**
 * A registered ranker: its kebab-case name, what it does, its parameter record with defaults,
 * and how to build it.
 *
 * @param <P> the parameter record; its components are the policy's YAML keys
 */
public record PolicyType<P extends Record>(String name, String description, Class<P> parameterType, P defaults,
                                           BiFunction<Catalog, P, Ranker> factory) {

    /** Builds a ranker from parameters of this type (checked at run time). */
    public Ranker create(Catalog catalog, Record parameters) {
        return factory.apply(catalog, parameterType.cast(parameters));
    }
}

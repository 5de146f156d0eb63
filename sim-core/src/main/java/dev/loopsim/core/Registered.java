package dev.loopsim.core;

/**
 * A type a scenario names by {@code type:}: a ranker, an artwork selector, a bandit algorithm,
 * a visit model. Its parameter record's components are its YAML keys.
 *
 * @param <P> the parameter record
 */
public interface Registered<P extends Record> {
    /** Its kebab-case name. */
    String name();

    /** What it does, in a sentence. */
    String description();

    Class<P> parameterType();

    /** The values a scenario's own keys are laid over. */
    P defaults();
}

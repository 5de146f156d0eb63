package dev.loopsim.scenarios.spec;

/** Writes a ranker back as {@code {type: NAME, ...parameters}}. */
final class RankerSpecSerializer extends TypedSerializer<RankerSpec> {
    RankerSpecSerializer() {
        super(RankerSpec.class, RankerSpec::type, RankerSpec::parameters);
    }
}

package dev.loopsim.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one spelling of a closed option set's values outside Java: an enum constant
 * {@code QUALITY_PLAY} is {@code quality-play} in YAML, JSON, CSV and on the command line.
 */
public final class Keys {
    private Keys() { }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every value's key, in declaration order. */
    public static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keys::of).toList();
    }

    /** The value with this key, if any. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String key) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> of(value).equals(key)).findFirst();
    }

    /** The value with this key; anything else is a {@link ParameterException} naming {@code parameter} and the keys. */
    public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String key) {
        return find(type, key).orElseThrow(() -> new ParameterException(parameter, parameter + " must be one of "
                + String.join(", ", all(type)) + "; found '" + key + "'"));
    }

    /** The value, which a record needs: null (a scenario's {@code key: null}) is a {@link ParameterException} naming the keys. */
    public static <E extends Enum<E>> E required(Class<E> type, String parameter, E value) {
        if (value == null) {
            throw new ParameterException(parameter, parameter + " must be one of " + String.join(", ", all(type)));
        }
        return value;
    }
}

package dev.loopsim.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

    /** The value with this key; anything else is a {@link ParameterException} naming {@code parameter} and the keys. */
    public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String key) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(key)) {
                return value;
            }
        }
        throw new ParameterException(parameter, parameter + " must be one of " + String.join(", ", all(type))
                + "; found '" + key + "'");
    }
}

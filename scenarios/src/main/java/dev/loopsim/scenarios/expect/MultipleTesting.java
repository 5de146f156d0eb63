package dev.loopsim.scenarios.expect;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a scenario's expectations share its error rate. With {@code none} each expectation is
 * tested at the scenario's level, so among many true-null expectations some fail (or pass) by
 * chance; {@code holm} (Holm 1979) keeps the chance of any false PASS at 1 − confidence.
 */
public enum MultipleTesting {
    NONE, HOLM;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MultipleTesting of(String key) {
        return Arrays.stream(values()).filter(v -> v.key().equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("expected one of " + Arrays.stream(values()).map(MultipleTesting::key).toList()
                        + ", found '" + key + "'"));
    }
}

package dev.loopsim.scenarios.expect;

import dev.loopsim.core.Keys;

/**
 * How a scenario's expectations share its error rate. With {@code none} each expectation is
 * tested at the scenario's level, so among many true-null expectations some fail (or pass) by
 * chance; {@code holm} (Holm 1979) keeps the chance of any false PASS at 1 − confidence.
 */
public enum MultipleTesting {
    NONE, HOLM;

    public String key() {
        return Keys.of(this);
    }
}

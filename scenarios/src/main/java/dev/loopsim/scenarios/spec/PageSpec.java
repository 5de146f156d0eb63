package dev.loopsim.scenarios.spec;

import dev.loopsim.core.Validate;

/**
 * The page members see.
 *
 * @param rows    rows of titles
 * @param columns titles per row
 */
public record PageSpec(int rows, int columns) {
    public static final PageSpec DEFAULTS = new PageSpec(5, 10);

    public PageSpec {
        Validate.atLeast("rows", rows, 1);
        Validate.atLeast("columns", columns, 1);
    }
}

package dev.loopsim.scenarios.spec;

import dev.loopsim.core.Validate;

/**
 * The page members see.
 *
 * @param rows            most rows on a page
 * @param columns         titles per row
 * @param newReleaseDays  a new-releases row holds titles released in the last this many days
 */
public record PageSpec(int rows, int columns, double newReleaseDays) {
    public static final PageSpec DEFAULTS = new PageSpec(5, 10, 30);

    public PageSpec {
        Validate.between("rows", rows, 1, 100, "a page is what one visit looks at");
        Validate.between("columns", columns, 1, 1000, "a page is what one visit looks at");
        Validate.positive("newReleaseDays", newReleaseDays);
    }

    /** Titles a page shows at most: rows × columns. */
    public int slots() {
        return rows * columns;
    }
}

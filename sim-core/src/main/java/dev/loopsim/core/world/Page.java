package dev.loopsim.core.world;

import java.util.Arrays;
import java.util.List;

/**
 * A page of rows × columns. Slot (r, c) is at index {@code r * columns + c}; an empty slot
 * holds -1.
 *
 * @param rows       number of rows
 * @param columns    number of columns
 * @param rowKinds   what each row is, e.g. {@code top-picks}
 * @param titles     title id per slot, row-major
 */
public record Page(int rows, int columns, List<String> rowKinds, int[] titles) {

    public Page {
        rowKinds = List.copyOf(rowKinds);
        titles = titles.clone();
        if (rowKinds.size() != rows || titles.length != rows * columns) {
            throw new IllegalArgumentException("a " + rows + "x" + columns + " page needs " + rows
                    + " row kinds and " + rows * columns + " slots");
        }
    }

    public int slots() {
        return titles.length;
    }

    /** The title in a slot, or -1 for an empty slot. */
    public int titleAt(int slot) {
        return titles[slot];
    }

    /** How many slots hold a title. */
    public int filledSlots() {
        int n = 0;
        for (int t : titles) {
            if (t >= 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public int[] titles() {
        return titles.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Page p && rows == p.rows && columns == p.columns
                && rowKinds.equals(p.rowKinds) && Arrays.equals(titles, p.titles);
    }

    @Override
    public int hashCode() {
        return 31 * rowKinds.hashCode() + Arrays.hashCode(titles);
    }

    @Override
    public String toString() {
        return "Page[" + rows + "x" + columns + ", " + Arrays.toString(titles) + "]";
    }
}

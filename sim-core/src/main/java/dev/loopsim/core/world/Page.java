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
 * @param artworks   artwork index per slot (0, the default, for empty slots)
 * @param propensities per slot, the probability the row's ranker had of putting that title there
 *                   given the row's titles before it (NaN when unknown, and for empty slots)
 * @param pools      per slot, how many candidates the row's ranker chose from (0 for empty slots)
 */
public record Page(int rows, int columns, List<String> rowKinds, int[] titles, int[] artworks,
                   double[] propensities, int[] pools) {

    /** No page: what a member who goes straight to search sees. */
    public static final Page EMPTY = new Page(0, 1, List.of(), new int[0]);

    public Page {
        rowKinds = List.copyOf(rowKinds);
        titles = titles.clone();
        artworks = artworks.clone();
        propensities = propensities.clone();
        pools = pools.clone();
        if (rowKinds.size() != rows || titles.length != rows * columns || artworks.length != titles.length
                || propensities.length != titles.length || pools.length != titles.length) {
            throw new IllegalArgumentException("a " + rows + "x" + columns + " page needs " + rows
                    + " row kinds and " + rows * columns + " slots of titles, artworks, propensities and pools");
        }
    }

    /** A page whose choices' propensities are not known. */
    public Page(int rows, int columns, List<String> rowKinds, int[] titles, int[] artworks) {
        this(rows, columns, rowKinds, titles, artworks, unknown(titles.length), new int[titles.length]);
    }

    private static double[] unknown(int slots) {
        double[] p = new double[slots];
        Arrays.fill(p, Double.NaN);
        return p;
    }

    /** A page shown with every title's default artwork. */
    public Page(int rows, int columns, List<String> rowKinds, int[] titles) {
        this(rows, columns, rowKinds, titles, new int[titles.length]);
    }

    /** The artwork shown in a slot. */
    public int artworkAt(int slot) {
        return artworks[slot];
    }

    @Override
    public int[] artworks() {
        return artworks.clone();
    }

    /** Pr(the slot's title | the row's titles before it), NaN when unknown. */
    public double propensityAt(int slot) {
        return propensities[slot];
    }

    /** How many candidates the slot's title was chosen from. */
    public int poolAt(int slot) {
        return pools[slot];
    }

    @Override
    public double[] propensities() {
        return propensities.clone();
    }

    @Override
    public int[] pools() {
        return pools.clone();
    }

    /** The kind of the row a slot is in. */
    public String rowKindAt(int slot) {
        return rowKinds.get(slot / columns);
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
                && rowKinds.equals(p.rowKinds) && Arrays.equals(titles, p.titles) && Arrays.equals(artworks, p.artworks)
                && Arrays.equals(propensities, p.propensities) && Arrays.equals(pools, p.pools);
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

package dev.loopsim.core.world;

import java.util.List;

/**
 * The immutable set of titles of one world, released over time. The fields pages filter on at
 * every visit (dominant genre, release day) are also kept as arrays, read without a title's
 * indirection.
 */
public final class Catalog {
    private final List<Title> titles;
    private final int genreCount;
    private final int latentDim;
    private final int[] dominantGenres;
    private final double[] releaseDays;

    /**
     * @param titles     titles indexed by id
     * @param genreCount G, the length of every genre mixture
     * @param latentDim  d, the length of every latent vector
     */
    public Catalog(List<Title> titles, int genreCount, int latentDim) {
        this.titles = List.copyOf(titles);
        this.genreCount = genreCount;
        this.latentDim = latentDim;
        this.dominantGenres = new int[titles.size()];
        this.releaseDays = new double[titles.size()];
        for (int i = 0; i < titles.size(); i++) {
            Title t = this.titles.get(i);
            if (t.id() != i) {
                throw new IllegalArgumentException("title ids must be dense and ordered: index " + i + " holds id " + t.id());
            }
            if (t.genres().length != genreCount || t.latent().length != latentDim) {
                throw new IllegalArgumentException("title " + i + " has the wrong genre or latent dimension");
            }
            dominantGenres[i] = t.dominantGenre();
            releaseDays[i] = t.releaseDay();
        }
    }

    public List<Title> titles() {
        return titles;
    }

    public int genreCount() {
        return genreCount;
    }

    public int latentDim() {
        return latentDim;
    }

    public int size() {
        return titles.size();
    }

    public Title title(int id) {
        return titles.get(id);
    }

    /** {@code title(id).dominantGenre()}. */
    public int dominantGenre(int id) {
        return dominantGenres[id];
    }

    /** {@code title(id).releaseDay()}. */
    public double releaseDay(int id) {
        return releaseDays[id];
    }

    /** Equal titles in the same dimensions: the arrays are derived from them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Catalog c && c.genreCount == genreCount && c.latentDim == latentDim && c.titles.equals(titles);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(titles, genreCount, latentDim);
    }
}

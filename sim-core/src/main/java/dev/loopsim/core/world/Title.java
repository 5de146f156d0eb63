package dev.loopsim.core.world;

import java.util.Arrays;

/**
 * A title of the catalog.
 *
 * @param id              dense index, 0-based
 * @param genres          genre mixture on the simplex (sums to 1)
 * @param latent          latent feature vector w_i
 * @param quality         quality q_i (standardised)
 * @param releaseDay      day the title becomes available; 0 for the initial catalog
 * @param popularityPrior plays before the simulation began (what an all-time popularity
 *                        ranker knows at day 0); 0 for titles released later
 * @param series          whether completion is observed later, as a delayed reward
 * @param artworks        the artwork pool; artwork 0 is the default
 * @param dominantGenre   the genre of the largest share (the lowest index among equals): derived
 *                        from {@code genres}, kept because pages ask for it on every visit
 */
public record Title(int id, double[] genres, double[] latent, double quality, double releaseDay,
                    double popularityPrior, boolean series, java.util.List<Artwork> artworks, int dominantGenre) {

    public Title {
        if (dominantGenre != dominant(genres)) {
            throw new IllegalArgumentException("title " + id + ": dominant genre " + dominantGenre + " is not that of "
                    + Arrays.toString(genres));
        }
        genres = genres.clone();
        latent = latent.clone();
        artworks = java.util.List.copyOf(artworks);
        if (artworks.isEmpty()) {
            throw new IllegalArgumentException("title " + id + " needs at least one artwork (its default)");
        }
        for (int a = 0; a < artworks.size(); a++) {
            if (artworks.get(a).index() != a) {
                throw new IllegalArgumentException("title " + id + ": artwork " + a + " has index " + artworks.get(a).index());
            }
        }
    }

    public Title(int id, double[] genres, double[] latent, double quality, double releaseDay,
                 double popularityPrior, boolean series, java.util.List<Artwork> artworks) {
        this(id, genres, latent, quality, releaseDay, popularityPrior, series, artworks, dominant(genres));
    }

    /** A title with only a neutral, faithful default artwork (one theme, fidelity 1). */
    public Title(int id, double[] genres, double[] latent, double quality, double releaseDay,
                 double popularityPrior, boolean series) {
        this(id, genres, latent, quality, releaseDay, popularityPrior, series,
                java.util.List.of(new Artwork(0, new double[] {1}, 1)));
    }

    public Artwork artwork(int index) {
        return artworks.get(index);
    }

    @Override
    public double[] genres() {
        return genres.clone();
    }

    @Override
    public double[] latent() {
        return latent.clone();
    }

    /** The share of genre g in this title's mixture. */
    public double genre(int g) {
        return genres[g];
    }

    /** θ·g_i: how well a taste vector over genres matches this title. */
    public double genreMatch(double[] taste) {
        return Vectors.dot(taste, genres);
    }

    /** z·w_i: the latent affinity of a member vector with this title. */
    public double latentMatch(double[] memberLatent) {
        return Vectors.dot(memberLatent, latent);
    }

    /** The genre with the largest share. */
    private static int dominant(double[] genres) {
        int best = 0;
        for (int g = 1; g < genres.length; g++) {
            if (genres[g] > genres[best]) {
                best = g;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Title t && id == t.id && quality == t.quality
                && releaseDay == t.releaseDay && popularityPrior == t.popularityPrior
                && series == t.series && Arrays.equals(genres, t.genres) && Arrays.equals(latent, t.latent)
                && artworks.equals(t.artworks);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(id) + Arrays.hashCode(genres);
    }

    @Override
    public String toString() {
        return "Title[" + id + ", quality=" + quality + ", releaseDay=" + releaseDay + "]";
    }
}

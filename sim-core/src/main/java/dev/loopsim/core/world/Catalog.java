package dev.loopsim.core.world;

import java.util.List;

/**
 * The immutable set of titles of one world, released over time.
 *
 * @param titles      titles indexed by id
 * @param genreCount  G, the length of every genre mixture
 * @param latentDim   d, the length of every latent vector
 */
public record Catalog(List<Title> titles, int genreCount, int latentDim) {

    public Catalog {
        titles = List.copyOf(titles);
        for (int i = 0; i < titles.size(); i++) {
            Title t = titles.get(i);
            if (t.id() != i) {
                throw new IllegalArgumentException("title ids must be dense and ordered: index " + i + " holds id " + t.id());
            }
            if (t.genres().length != genreCount || t.latent().length != latentDim) {
                throw new IllegalArgumentException("title " + i + " has the wrong genre or latent dimension");
            }
        }
    }

    public int size() {
        return titles.size();
    }

    public Title title(int id) {
        return titles.get(id);
    }
}

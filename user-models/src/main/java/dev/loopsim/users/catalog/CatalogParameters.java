package dev.loopsim.users.catalog;

import dev.loopsim.core.Validate;

/**
 * How to generate a catalog.
 *
 * @param from                       synthetic, or movielens: titles (the most-rated movies), their genre
 *                                   mixtures, popularity (rating counts) and quality (mean ratings) from a
 *                                   MovieLens log, and members' tastes from its users
 * @param path                       the MovieLens folder (movies.csv, ratings.csv); empty for the bundled ml-latest-small
 * @param titles                     number of titles
 * @param genres                     number of genres G; 0 for automatic: 8 when synthetic, the data's with movielens
 * @param latentDim                  dimension d of the latent vectors
 * @param secondGenreShare           share of titles with a second genre
 * @param qualitySd                  standard deviation of quality q_i ~ N(0, sd²)
 * @param popularityMedianPlays      median of the popularity prior (plays before day 0)
 * @param popularitySdLog            spread (log scale) of the popularity prior: its long tail
 * @param popularityQualityCorrelation correlation of log popularity with quality, in [-1, 1]
 * @param seriesShare                share of titles that are series (completion is a delayed reward)
 * @param newTitleShare              share of titles released during the run, not at day 0
 * @param releaseWindowDays          new titles are released uniformly over (0, window)
 * @param artworksPerTitle           size of each title's artwork pool (artwork 0 is the default)
 * @param artworkThemes              number of artwork themes T (genre scene, cast, action, …)
 * @param clickbaitShare             share of non-default artworks that are clickbait: fidelity in [0, 0.3)
 *                                   instead of [0.7, 1]; the default artwork is always faithful
 * @param newTitleQualityShift       added to the quality of titles released during the run (new releases are
 *                                   often what members come for); 0 makes them like the rest
 * @param clickbaitTitleShare        share of titles whose default artwork is clickbait too (sensational key art):
 *                                   clicked more and enjoyed less whatever artwork policy runs
 */
public record CatalogParameters(Source from, String path, int titles, int genres, int latentDim, double secondGenreShare, double qualitySd,
                                double popularityMedianPlays, double popularitySdLog,
                                double popularityQualityCorrelation, double seriesShare, double newTitleShare,
                                double releaseWindowDays, int artworksPerTitle, int artworkThemes,
                                double clickbaitShare, double newTitleQualityShift, double clickbaitTitleShare) {

    /** Where the titles come from. */
    public enum Source {
        /** Drawn from this record's distributions. */
        SYNTHETIC,
        /** The most-rated movies of a MovieLens log, with their genres, rating counts and mean ratings. */
        MOVIELENS
    }

    /** Genres of a synthetic catalog when {@code genres} is 0. */
    public static final int AUTOMATIC_GENRES = 8;

    public static final CatalogParameters DEFAULTS =
            new CatalogParameters(Source.SYNTHETIC, "", 500, 0, 8, 0.4, 1.0, 100, 1.5, 0.5, 0.2, 0.0, 30, 4, 4, 0.25, 0.0, 0.0);

    public CatalogParameters {
        dev.loopsim.core.Keys.required(Source.class, "from", from);
        path = path == null ? "" : path;
        Validate.between("titles", titles, 1, 10_000_000, "every title is scored on every ranking");
        Validate.atLeast("genres", genres, 0);
        if (from == Source.MOVIELENS && genres != 0) {
            throw new dev.loopsim.core.ParameterException("genres", "genres comes from the data with from: movielens; "
                    + "leave it out (or 0), found " + genres);
        }
        Validate.atLeast("latentDim", latentDim, 1);
        Validate.inRange("secondGenreShare", secondGenreShare, 0, 1);
        Validate.nonNegative("qualitySd", qualitySd);
        Validate.positive("popularityMedianPlays", popularityMedianPlays);
        Validate.nonNegative("popularitySdLog", popularitySdLog);
        Validate.inRange("popularityQualityCorrelation", popularityQualityCorrelation, -1, 1);
        Validate.inRange("seriesShare", seriesShare, 0, 1);
        Validate.inRange("newTitleShare", newTitleShare, 0, 1);
        Validate.positive("releaseWindowDays", releaseWindowDays);
        Validate.atLeast("artworksPerTitle", artworksPerTitle, 1);
        Validate.atLeast("artworkThemes", artworkThemes, 1);
        Validate.inRange("clickbaitShare", clickbaitShare, 0, 1);
        Validate.finite("newTitleQualityShift", newTitleQualityShift);
        Validate.inRange("clickbaitTitleShare", clickbaitTitleShare, 0, 1);
    }

    public boolean movieLens() {
        return from == Source.MOVIELENS;
    }

    /** The genre count of a synthetic catalog. */
    public int syntheticGenres() {
        return genres == 0 ? AUTOMATIC_GENRES : genres;
    }
}

package dev.loopsim.users.catalog;

import java.util.ArrayList;
import java.util.List;
import dev.loopsim.core.world.Artwork;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Title;
import dev.loopsim.users.data.MovieLens;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws a catalog. Synthetic: each title has one dominant genre (uniform) and, for a share of
 * titles, a second one taking 20–50% of the mixture; latent vectors are standard normal; log
 * popularity is normal and correlated with quality, which gives the long tail. From MovieLens:
 * the most-rated movies, each with a uniform mixture over its listed genres, its rating count
 * as popularity (scaled so the median is {@code popularityMedianPlays}) and its shrunk mean
 * rating, standardised, as quality; latent vectors, artworks, series and releases as synthetic.
 */
public final class CatalogGenerator {
    /** Pseudo-ratings at the global mean that shrink a movie's mean rating: few ratings, little evidence. */
    static final double RATING_SHRINKAGE = 10;
    private final CatalogParameters parameters;
    private final MovieLens data;

    public CatalogGenerator(CatalogParameters parameters) {
        this(parameters, null);
    }

    /** @param data the MovieLens summary, required when {@code parameters.movieLens()} */
    public CatalogGenerator(CatalogParameters parameters, MovieLens data) {
        if (parameters.movieLens() && data == null) {
            throw new IllegalArgumentException("a MovieLens catalog needs the MovieLens data");
        }
        if (parameters.movieLens() && parameters.titles() > data.movies().size()) {
            throw new dev.loopsim.core.ParameterException("titles", "titles must be at most the " + data.movies().size()
                    + " rated movies with genres in the MovieLens data, found " + parameters.titles());
        }
        this.parameters = parameters;
        this.data = data;
    }

    public Catalog generate(UniformRandomProvider random) {
        return parameters.movieLens() ? fromMovieLens(random) : synthetic(random);
    }

    private Catalog fromMovieLens(UniformRandomProvider random) {
        var p = parameters;
        var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        List<MovieLens.Movie> chosen = data.movies().subList(0, p.titles());
        int g = data.genres().size();
        double globalMean = chosen.stream().mapToDouble(m -> m.mean() * m.ratings()).sum()
                / chosen.stream().mapToDouble(MovieLens.Movie::ratings).sum();
        double[] shrunk = chosen.stream().mapToDouble(m -> (m.mean() * m.ratings() + RATING_SHRINKAGE * globalMean)
                / (m.ratings() + RATING_SHRINKAGE)).toArray();
        double meanShrunk = java.util.Arrays.stream(shrunk).average().orElse(0);
        double sdShrunk = Math.sqrt(java.util.Arrays.stream(shrunk).map(x -> (x - meanShrunk) * (x - meanShrunk)).sum()
                / Math.max(1, shrunk.length - 1));
        int[] counts = chosen.stream().mapToInt(MovieLens.Movie::ratings).sorted().toArray();
        double scale = p.popularityMedianPlays() / counts[counts.length / 2];
        List<Title> titles = new ArrayList<>(p.titles());
        for (int id = 0; id < chosen.size(); id++) {
            MovieLens.Movie movie = chosen.get(id);
            double[] genres = new double[g];
            for (int genre : movie.genres()) {
                genres[genre] = 1.0 / movie.genres().length;
            }
            double[] latent = new double[p.latentDim()];
            for (int k = 0; k < latent.length; k++) {
                latent[k] = gaussian.sample();
            }
            boolean isNew = random.nextDouble() < p.newTitleShare();
            double releaseDay = isNew ? p.releaseWindowDays() * (1 - random.nextDouble()) : 0;
            double quality = p.qualitySd() * (sdShrunk > 0 ? (shrunk[id] - meanShrunk) / sdShrunk : 0)
                    + (isNew ? p.newTitleQualityShift() : 0);
            double prior = isNew ? 0 : scale * movie.ratings();
            boolean series = random.nextDouble() < p.seriesShare();
            titles.add(new Title(id, genres, latent, quality, releaseDay, prior, series, artworks(random)));
        }
        return new Catalog(titles, g, p.latentDim());
    }

    private Catalog synthetic(UniformRandomProvider random) {
        var p = parameters;
        var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        double rho = p.popularityQualityCorrelation();
        List<Title> titles = new ArrayList<>(p.titles());
        for (int id = 0; id < p.titles(); id++) {
            double[] genres = genreMixture(random);
            double[] latent = new double[p.latentDim()];
            for (int k = 0; k < latent.length; k++) {
                latent[k] = gaussian.sample();
            }
            double qualityScore = gaussian.sample();
            double logPopularity = rho * qualityScore + Math.sqrt(1 - rho * rho) * gaussian.sample();
            boolean isNew = random.nextDouble() < p.newTitleShare();
            double quality = p.qualitySd() * qualityScore + (isNew ? p.newTitleQualityShift() : 0);
            double releaseDay = isNew ? p.releaseWindowDays() * (1 - random.nextDouble()) : 0;
            double prior = isNew ? 0 : p.popularityMedianPlays() * Math.exp(p.popularitySdLog() * logPopularity);
            boolean series = random.nextDouble() < p.seriesShare();
            titles.add(new Title(id, genres, latent, quality, releaseDay, prior, series, artworks(random)));
        }
        return new Catalog(titles, p.syntheticGenres(), p.latentDim());
    }

    /**
     * Each artwork shows one theme. The default (index 0) is faithful, fidelity in [0.8, 1], except
     * on a clickbait title (clickbaitTitleShare), where it is clickbait too;
     * the others are clickbait with probability clickbaitShare (fidelity in [0, 0.3)) and
     * otherwise faithful enough (fidelity in [0.7, 1]).
     */
    private List<Artwork> artworks(UniformRandomProvider random) {
        var p = parameters;
        List<Artwork> pool = new ArrayList<>(p.artworksPerTitle());
        for (int a = 0; a < p.artworksPerTitle(); a++) {
            double[] theme = new double[p.artworkThemes()];
            theme[random.nextInt(theme.length)] = 1;
            double fidelity;
            // Drawn only when asked for, so catalogs without clickbait titles stay as they were.
            if (a == 0 && p.clickbaitTitleShare() > 0 && random.nextDouble() < p.clickbaitTitleShare()) {
                fidelity = 0.3 * random.nextDouble();
            } else if (a == 0) {
                fidelity = 0.8 + 0.2 * random.nextDouble();
            } else if (random.nextDouble() < p.clickbaitShare()) {
                fidelity = 0.3 * random.nextDouble();
            } else {
                fidelity = 0.7 + 0.3 * random.nextDouble();
            }
            pool.add(new Artwork(a, theme, fidelity));
        }
        return pool;
    }

    private double[] genreMixture(UniformRandomProvider random) {
        int g = parameters.syntheticGenres();
        double[] mixture = new double[g];
        int dominant = random.nextInt(g);
        if (g > 1 && random.nextDouble() < parameters.secondGenreShare()) {
            int second = (dominant + 1 + random.nextInt(g - 1)) % g;
            double share = 0.2 + 0.3 * random.nextDouble();
            mixture[second] = share;
            mixture[dominant] = 1 - share;
        } else {
            mixture[dominant] = 1;
        }
        return mixture;
    }
}

package dev.loopsim.users.catalog;

import java.util.ArrayList;
import java.util.List;
import dev.loopsim.core.world.Artwork;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Title;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws a synthetic catalog. Each title has one dominant genre (uniform) and, for a share of
 * titles, a second one taking 20–50% of the mixture; latent vectors are standard normal;
 * log popularity is normal and correlated with quality, which gives the long tail.
 */
public final class CatalogGenerator {
    private final CatalogParameters parameters;

    public CatalogGenerator(CatalogParameters parameters) {
        this.parameters = parameters;
    }

    public Catalog generate(UniformRandomProvider random) {
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
        return new Catalog(titles, p.genres(), p.latentDim());
    }

    /**
     * Each artwork shows one theme. The default (index 0) is faithful, fidelity in [0.8, 1];
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
            if (a == 0) {
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
        int g = parameters.genres();
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

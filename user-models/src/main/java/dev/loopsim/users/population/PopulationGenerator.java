package dev.loopsim.users.population;

import java.util.ArrayList;
import java.util.List;
import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.core.world.MemberProfile;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DirichletSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws members, each from its own stream, so that member 17 is the same member whatever the
 * population size.
 */
public final class PopulationGenerator {
    private final PopulationParameters parameters;

    public PopulationGenerator(PopulationParameters parameters) {
        this.parameters = parameters;
    }

    public List<MemberProfile> generate(RandomStreams streams, int genres, int latentDim, int artworkThemes) {
        return generate(streams, genres, latentDim, artworkThemes, null);
    }

    /**
     * @param tasteAlpha the Dirichlet α of tastes (e.g. fitted to real users); null for the
     *                   symmetric Dirichlet of {@code tasteConcentration}
     */
    public List<MemberProfile> generate(RandomStreams streams, int genres, int latentDim, int artworkThemes,
                                        double[] tasteAlpha) {
        if (tasteAlpha != null && tasteAlpha.length != genres) {
            throw new IllegalArgumentException("tasteAlpha has " + tasteAlpha.length + " genres, the catalog " + genres);
        }
        var p = parameters;
        double medianPerDay = p.visitsPerWeekMedian() / 7.0;
        double latentSd = p.latentSd() / Math.sqrt(latentDim);
        List<MemberProfile> members = new ArrayList<>(p.members());
        for (int id = 0; id < p.members(); id++) {
            UniformRandomProvider random = streams.forMember(id, "profile");
            var gaussian = ZigguratSampler.NormalizedGaussian.of(random);
            double[] taste = genres == 1 ? new double[] {1}
                    : tasteAlpha != null ? DirichletSampler.of(random, tasteAlpha).sample()
                    : DirichletSampler.symmetric(random, genres, p.tasteConcentration()).sample();
            double[] latent = new double[latentDim];
            for (int k = 0; k < latentDim; k++) {
                latent[k] = latentSd * gaussian.sample();
            }
            double rate = medianPerDay * Math.exp(p.visitRateSdLog() * gaussian.sample());
            boolean joinsLater = random.nextDouble() < p.newMemberShare();
            double joinDay = joinsLater ? p.joinWindowDays() * (1 - random.nextDouble()) : 0;
            double[] artworkTaste = new double[artworkThemes];
            for (int k = 0; k < artworkThemes; k++) {
                artworkTaste[k] = p.artworkTasteSd() * gaussian.sample();
            }
            members.add(new MemberProfile(id, taste, latent, rate, joinDay, artworkTaste));
        }
        return members;
    }
}

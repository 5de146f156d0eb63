package dev.loopsim.core.world;

/**
 * A member's fixed traits.
 *
 * @param id             dense index, 0-based
 * @param taste          θ_u, taste over genres on the simplex
 * @param latent         z_u, latent preference vector
 * @param baseRatePerDay b_u, the member's base visit intensity in visits per day
 * @param joinDay        day the member joins; 0 for the initial population
 * @param artworkTaste   ρ_u, preference over artwork themes
 */
public record MemberProfile(int id, double[] taste, double[] latent, double baseRatePerDay, double joinDay,
                            double[] artworkTaste) {

    /** A member indifferent to artwork (one theme, taste 0). */
    public MemberProfile(int id, double[] taste, double[] latent, double baseRatePerDay, double joinDay) {
        this(id, taste, latent, baseRatePerDay, joinDay, new double[] {0});
    }

    public MemberProfile {
        taste = taste.clone();
        latent = latent.clone();
        artworkTaste = artworkTaste.clone();
        if (!(baseRatePerDay > 0) || Double.isInfinite(baseRatePerDay)) {
            throw new IllegalArgumentException("baseRatePerDay must be positive and finite, found " + baseRatePerDay);
        }
    }

    /** θ_u, copied. Hot paths use {@link #tasteView()}. */
    @Override
    public double[] taste() {
        return taste.clone();
    }

    @Override
    public double[] latent() {
        return latent.clone();
    }

    @Override
    public double[] artworkTaste() {
        return artworkTaste.clone();
    }

    /** ρ_u itself, for hot paths that promise not to write to it. */
    public double[] artworkTasteView() {
        return artworkTaste;
    }

    /** The taste array itself, for hot paths that promise not to write to it. */
    public double[] tasteView() {
        return taste;
    }

    /** The latent array itself, for hot paths that promise not to write to it. */
    public double[] latentView() {
        return latent;
    }
}

package dev.loopsim.core.world;

import java.util.Arrays;

/**
 * One image a title can be shown with.
 *
 * @param index    position in the title's artwork pool; 0 is the title's default artwork
 * @param theme    theme vector h_a (e.g. genre scene, cast, action, romance), on the simplex
 * @param fidelity f_a in [0, 1]: how truthfully it represents the title; low fidelity is clickbait
 */
public record Artwork(int index, double[] theme, double fidelity) {

    public Artwork {
        theme = theme.clone();
        if (!(fidelity >= 0 && fidelity <= 1)) {
            throw new IllegalArgumentException("fidelity must be in [0, 1], found " + fidelity);
        }
    }

    @Override
    public double[] theme() {
        return theme.clone();
    }

    /** ρ_u·h_a: how much a member with artwork taste ρ likes this image. */
    public double themeMatch(double[] artworkTaste) {
        return Vectors.dot(artworkTaste, theme);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Artwork a && index == a.index && fidelity == a.fidelity && Arrays.equals(theme, a.theme);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(theme);
    }

    @Override
    public String toString() {
        return "Artwork[" + index + ", fidelity=" + fidelity + "]";
    }
}

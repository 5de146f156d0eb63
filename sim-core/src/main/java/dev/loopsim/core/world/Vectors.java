package dev.loopsim.core.world;

/** The one vector operation the world's hot paths need, written once. */
public final class Vectors {
    private Vectors() { }

    /** Σ_k a_k·b_k over the length of {@code b}. */
    public static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < b.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}

package dev.loopsim.scenarios.run;

import dev.loopsim.core.random.RandomStreams;

/**
 * Splits members across an A/B test's cells by a stable hash of the member id: each id maps to a
 * fixed point in [0, 1), and the cells take consecutive intervals of it by their shares. A member
 * keeps their cell whatever the seed, the replicate or the other members, and changing the shares
 * moves only the members near a boundary.
 */
final class Allocation {
    private final double[] upper;

    Allocation(double[] shares) {
        upper = new double[shares.length];
        double total = 0;
        for (int c = 0; c < shares.length; c++) {
            total += shares[c];
            upper[c] = total;
        }
        upper[shares.length - 1] = Double.POSITIVE_INFINITY; // rounding never leaves a member without a cell
    }

    int cellOf(int memberId) {
        double u = point(memberId);
        int c = 0;
        while (u >= upper[c]) {
            c++;
        }
        return c;
    }

    /** The id, spread by SplitMix64's step and finaliser: a well-mixed 64-bit value, its top 53 bits as a fraction. */
    static double point(int memberId) {
        long z = RandomStreams.mix(memberId * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        return (z >>> 11) * 0x1.0p-53;
    }
}

package dev.loopsim.users.fit;

/**
 * The mean satisfaction of a member's last {@code memory} visits, as the simulator's member
 * remembers them: what the hazard of churn reads after each visit.
 */
final class RecentSatisfaction {
    private final double[] ring;
    private int count;
    private double sum;

    RecentSatisfaction(int memory) {
        ring = new double[memory];
    }

    /** Remembers a visit; the one {@code memory} visits back is forgotten. */
    void add(double satisfaction) {
        int slot = count % ring.length;
        sum += satisfaction - ring[slot];
        ring[slot] = satisfaction;
        count++;
    }

    /** The mean over the remembered visits (0 before the first). */
    double mean() {
        return count == 0 ? 0 : sum / Math.min(count, ring.length);
    }
}

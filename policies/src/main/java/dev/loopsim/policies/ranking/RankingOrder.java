package dev.loopsim.policies.ranking;

import java.util.Arrays;

/** Shared step of rankers that hold one global order: take its first titles among those offered. */
final class RankingOrder {
    private RankingOrder() { }

    /** The first {@code count} titles of {@code order} that are in {@code offered} (ascending ids). */
    static int[] firstOffered(int[] order, int[] offered, int count) {
        int[] chosen = new int[Math.min(count, offered.length)];
        int filled = 0;
        for (int k = 0; k < order.length && filled < chosen.length; k++) {
            if (Arrays.binarySearch(offered, order[k]) >= 0) {
                chosen[filled++] = order[k];
            }
        }
        return filled == chosen.length ? chosen : Arrays.copyOf(chosen, filled);
    }
}

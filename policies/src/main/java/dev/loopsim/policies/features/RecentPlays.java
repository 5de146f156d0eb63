package dev.loopsim.policies.features;

import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.MemberState;
import java.util.Arrays;

/**
 * A learner's mirror of every member's recent plays, rebuilt from feedback in its order, so that
 * the features of a logged visit are those the policy saw when it chose: the history just before
 * that visit. Keeps the same {@link MemberState#RECENT_PLAYS} plays a member does.
 */
public final class RecentPlays {
    private static final int SIZE = MemberState.RECENT_PLAYS;
    private int[][] titles = new int[0][];
    private int[][] artworks = new int[0][];
    private int[] counts = new int[0];
    private int[] heads = new int[0];

    /** The history of a member as of now (before the visit about to be recorded). */
    public PlayHistory of(int memberId) {
        ensure(memberId);
        int[] t = titles[memberId];
        int[] a = artworks[memberId];
        int count = counts[memberId];
        int head = heads[memberId];
        return new PlayHistory() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public int title(int k) {
                return t[slot(head, k, count)];
            }

            @Override
            public int artwork(int k) {
                return a[slot(head, k, count)];
            }
        };
    }

    private static int slot(int head, int k, int count) {
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("recent play " + k + " of " + count);
        }
        return ((head - 1 - k) % SIZE + SIZE) % SIZE;
    }

    /** Records the visit's play, if any. */
    public void record(VisitFeedback visit) {
        if (!visit.played()) {
            return;
        }
        int member = visit.memberId();
        ensure(member);
        if (titles[member] == null) {
            titles[member] = new int[SIZE];
            artworks[member] = new int[SIZE];
        }
        int head = heads[member];
        titles[member][head] = visit.playedTitle();
        artworks[member][head] = visit.playedArtwork();
        heads[member] = (head + 1) % SIZE;
        counts[member] = Math.min(counts[member] + 1, SIZE);
    }

    private void ensure(int memberId) {
        if (memberId >= counts.length) {
            int size = Math.max(memberId + 1, counts.length * 2);
            titles = Arrays.copyOf(titles, size);
            artworks = Arrays.copyOf(artworks, size);
            counts = Arrays.copyOf(counts, size);
            heads = Arrays.copyOf(heads, size);
        }
    }
}

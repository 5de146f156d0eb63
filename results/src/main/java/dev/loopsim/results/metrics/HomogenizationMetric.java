package dev.loopsim.results.metrics;

import dev.loopsim.core.world.MemberState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mean pairwise Jaccard similarity of members' sets of played titles (Chaney et al. 2018), over
 * members present. Up to {@value #EXACT_MEMBERS} members every pair is used; beyond, a fixed
 * sample of {@value #PAIRS} pairs chosen by hashing the pair index, the same whatever the thread
 * count.
 */
public final class HomogenizationMetric extends DefinedMetric<HomogenizationMetric.Played> {
    static final int EXACT_MEMBERS = 3000;
    static final long PAIRS = 2_000_000;

    /**
     * Per member, the distinct titles played. Members are keyed in an open-addressing table of
     * primitive ids, not a {@code HashMap<Integer, …>}: a play is counted without boxing, and a
     * shard's ids (all alike modulo the shard count) are spread by a multiplicative hash instead of
     * piling into a few of HashMap's buckets.
     */
    public static final class Played implements Tally<Played> {
        private static final int FREE = -1;
        private int[] ids = newIds(16);
        /** Per slot, {count, title, title, …}, grown by doubling. */
        private int[][] sets = new int[16][];
        private int size;

        private static int[] newIds(int capacity) {
            int[] fresh = new int[capacity];
            Arrays.fill(fresh, FREE);
            return fresh;
        }

        @Override
        public void visit(VisitEvent visit) {
            if (visit.played()) {
                add(visit.member().id(), visit.playedTitle());
            }
        }

        /** The slot of the member's id, or of the free slot where it would go. */
        private int slot(int memberId) {
            int mask = ids.length - 1;
            int at = (memberId * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask); // the product's top bits
            while (ids[at] != FREE && ids[at] != memberId) {
                at = (at + 1) & mask;
            }
            return at;
        }

        void add(int memberId, int title) {
            int at = slot(memberId);
            int[] set = sets[at];
            if (set == null) {
                insert(at, memberId, new int[] {1, title, 0, 0});
                return;
            }
            for (int i = 1; i <= set[0]; i++) {
                if (set[i] == title) {
                    return;
                }
            }
            if (set[0] + 1 == set.length) {
                set = Arrays.copyOf(set, set.length * 2);
                sets[at] = set;
            }
            set[++set[0]] = title;
        }

        /** A new member at its free slot; the table doubles when half full. */
        private void insert(int at, int memberId, int[] set) {
            ids[at] = memberId;
            sets[at] = set;
            if (++size * 2 > ids.length) {
                grow();
            }
        }

        private void grow() {
            int[] oldIds = ids;
            int[][] oldSets = sets;
            ids = newIds(oldIds.length * 2);
            sets = new int[oldIds.length * 2][];
            for (int i = 0; i < oldIds.length; i++) {
                if (oldIds[i] != FREE) {
                    int at = slot(oldIds[i]);
                    ids[at] = oldIds[i];
                    sets[at] = oldSets[i];
                }
            }
        }

        @Override
        public void combine(Played other) {
            for (int i = 0; i < other.ids.length; i++) {
                int member = other.ids[i];
                if (member == FREE) {
                    continue;
                }
                int[] set = other.sets[i];
                int at = slot(member);
                if (sets[at] != null) {
                    for (int k = 1; k <= set[0]; k++) {
                        add(member, set[k]);
                    }
                } else {
                    insert(at, member, set.clone());
                }
            }
        }

        /** The distinct titles a member played, sorted; empty if none. */
        int[] of(int memberId) {
            int[] set = sets[slot(memberId)];
            if (set == null) {
                return new int[0];
            }
            int[] titles = Arrays.copyOfRange(set, 1, set[0] + 1);
            Arrays.sort(titles);
            return titles;
        }
    }

    public HomogenizationMetric() {
        super(Metrics.HOMOGENIZATION,
                "mean pairwise Jaccard similarity of members' sets of played titles (Chaney et al. 2018): every pair "
                + "up to 3,000 members, else a fixed sample of 2,000,000 pairs chosen by hashing, the same for any "
                + "thread count", false);
    }

    @Override
    public Played newTally(RunShape run) {
        return new Played();
    }

    @Override
    public double value(Played tally, RunEnd end) {
        List<int[]> sets = new ArrayList<>();
        for (MemberState m : end.members()) {
            if (m.profile().joinDay() < end.horizonDays()) {
                sets.add(tally.of(m.id()));
            }
        }
        int n = sets.size();
        if (n < 2) {
            return Double.NaN;
        }
        if (n <= EXACT_MEMBERS) {
            return exactMean(sets);
        }
        BitSets bits = BitSets.of(sets, end.run().catalog().size());
        double total = 0;
        for (long k = 0; k < PAIRS; k++) {
            int i = (int) Long.remainderUnsigned(mix(2 * k), n);
            int j = (int) Long.remainderUnsigned(mix(2 * k + 1), n - 1);
            j = j >= i ? j + 1 : j; // a pair of two different members
            total += bits == null ? Exposure.jaccard(sets.get(i), sets.get(j)) : bits.jaccard(i, j);
        }
        return total / PAIRS;
    }

    /**
     * Every member's played set as a row of bits, when they fit in {@value #MAX_WORDS} words: a
     * pair's common count is then a few AND-and-popcounts rather than a merge of two lists. The
     * counts, and so every Jaccard value, are the merge's exactly.
     */
    record BitSets(long[] words, int[] sizes, int wordsPerMember) {
        static final long MAX_WORDS = 1L << 22;

        static BitSets of(List<int[]> sets, int titles) {
            int perMember = (titles + 63) >>> 6;
            if ((long) perMember * sets.size() > MAX_WORDS) {
                return null;
            }
            long[] words = new long[perMember * sets.size()];
            int[] sizes = new int[sets.size()];
            for (int m = 0; m < sets.size(); m++) {
                int[] set = sets.get(m);
                sizes[m] = set.length;
                for (int t : set) {
                    words[m * perMember + (t >>> 6)] |= 1L << t;
                }
            }
            return new BitSets(words, sizes, perMember);
        }

        double jaccard(int a, int b) {
            int common = 0;
            for (int w = 0, x = a * wordsPerMember, y = b * wordsPerMember; w < wordsPerMember; w++) {
                common += Long.bitCount(words[x + w] & words[y + w]);
            }
            int union = sizes[a] + sizes[b] - common;
            return union == 0 ? 0 : (double) common / union;
        }
    }

    /**
     * The mean over every pair, found through each title's players: only pairs that share a title
     * add anything, so they alone are visited, in the order (i, j) of a loop over all pairs, which
     * gives the same sum to the last bit.
     */
    static double exactMean(List<int[]> sets) {
        int n = sets.size();
        int titles = 0;
        for (int[] set : sets) {
            for (int t : set) {
                titles = Math.max(titles, t + 1);
            }
        }
        int[] count = new int[titles];
        sets.forEach(set -> Arrays.stream(set).forEach(t -> count[t]++));
        int[][] players = new int[titles][];
        for (int t = 0; t < titles; t++) {
            players[t] = new int[count[t]];
            count[t] = 0;
        }
        for (int member = 0; member < n; member++) {
            for (int t : sets.get(member)) {
                players[t][count[t]++] = member; // ascending member order
            }
        }
        int[] shared = new int[n];
        int[] touched = new int[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int[] a = sets.get(i);
            int m = 0;
            for (int t : a) {
                int[] who = players[t];
                int from = Arrays.binarySearch(who, i) + 1; // i plays t, so it is there
                for (int k = from; k < who.length; k++) {
                    if (shared[who[k]]++ == 0) {
                        touched[m++] = who[k];
                    }
                }
            }
            Arrays.sort(touched, 0, m);
            for (int x = 0; x < m; x++) {
                int j = touched[x];
                int common = shared[j];
                total += (double) common / (a.length + sets.get(j).length - common);
                shared[j] = 0;
            }
        }
        return total / ((long) n * (n - 1) / 2.0); // n(n − 1) is even: the same count
    }

    private static long mix(long z) {
        z = (z + 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

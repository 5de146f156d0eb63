package dev.loopsim.core.policy;

/**
 * Picks the k best of n scored titles without sorting all n: a quickselect puts the k best first,
 * in O(n) whatever the input's order, and only they are sorted, O(k log k). Scores order as
 * {@link Double#compare} orders them; ties go to the lower title id: a strict order, so the
 * result never depends on iteration order or on the algorithm.
 */
public final class TopTitles {
    private TopTitles() { }

    /** The ids in {@code ids} with the k highest {@code scores} (parallel arrays), best first. */
    public static int[] select(int[] ids, double[] scores, int k) {
        int n = ids.length;
        int size = Math.min(k, n);
        // Each score as a long that orders as Double.compare does, so a comparison is integer work.
        long[] keys = new long[n];
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(scores[i]);
            keys[i] = bits ^ ((bits >> 63) & Long.MAX_VALUE);
            positions[i] = i;
        }
        if (size > 0 && size < n) {
            bestFirst(positions, size, ids, keys);
        }
        // A heap of the k best, worst on top, popped from the back: best first.
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(positions, i, size, ids, keys);
        }
        int[] result = new int[size];
        for (int end = size - 1; end >= 0; end--) {
            result[end] = ids[positions[0]];
            positions[0] = positions[end];
            siftDown(positions, 0, end, ids, keys);
        }
        return result;
    }

    /**
     * Rearranges {@code positions} so that its first k are the k best (in any order): Hoare's
     * partition around the median of three, narrowing to the side that holds the k-th. (A bounded
     * heap scanned in id order, as before, replaced its top at every title when scores rose with
     * ids, as the oracle's do.)
     */
    private static void bestFirst(int[] positions, int k, int[] ids, long[] keys) {
        int lo = 0;
        int hi = positions.length - 1;
        int target = k - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (better(positions[mid], positions[lo], ids, keys)) {
                swap(positions, mid, lo);
            }
            if (better(positions[hi], positions[lo], ids, keys)) {
                swap(positions, hi, lo);
            }
            if (better(positions[hi], positions[mid], ids, keys)) {
                swap(positions, hi, mid);
            }
            int pivot = positions[mid]; // the median of lo, mid and hi
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (better(positions[i], pivot, ids, keys)) {
                    i++;
                }
                while (better(pivot, positions[j], ids, keys)) {
                    j--;
                }
                if (i <= j) {
                    swap(positions, i++, j--);
                }
            }
            // [lo, j] are at least as good as the pivot, [i, hi] at most; between them, the pivot itself.
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static boolean better(int a, int b, int[] ids, long[] keys) {
        return keys[a] > keys[b] || (keys[a] == keys[b] && ids[a] < ids[b]);
    }

    private static void siftDown(int[] heap, int i, int size, int[] ids, long[] keys) {
        while (true) {
            int left = 2 * i + 1;
            int worst = i;
            if (left < size && better(heap[worst], heap[left], ids, keys)) {
                worst = left;
            }
            if (left + 1 < size && better(heap[worst], heap[left + 1], ids, keys)) {
                worst = left + 1;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

package dev.loopsim.core.policy;

/**
 * Picks the k best of n scored titles without sorting all n: a bounded min-heap, O(n log k).
 * Ties go to the lower title id, so the result never depends on iteration order.
 */
public final class TopTitles {
    private TopTitles() { }

    /** The ids in {@code ids} with the k highest {@code scores} (parallel arrays), best first. */
    public static int[] select(int[] ids, double[] scores, int k) {
        int size = Math.min(k, ids.length);
        int[] heap = new int[size]; // positions into ids, worst at heap[0]
        int filled = 0;
        for (int i = 0; i < ids.length; i++) {
            if (filled < size) {
                heap[filled++] = i;
                siftUp(heap, filled - 1, ids, scores);
            } else if (size > 0 && !(scores[i] < scores[heap[0]]) && better(i, heap[0], ids, scores)) {
                // (a score below the worst kept is never better: the test most titles stop at, without Double.compare)
                heap[0] = i;
                siftDown(heap, size, ids, scores);
            }
        }
        // Pop the worst each time and fill from the back: best first, ties by lower id.
        int[] result = new int[size];
        for (int end = size - 1; end >= 0; end--) {
            result[end] = ids[heap[0]];
            heap[0] = heap[end];
            siftDown(heap, end, ids, scores);
        }
        return result;
    }

    private static boolean better(int a, int b, int[] ids, double[] scores) {
        int byScore = Double.compare(scores[a], scores[b]);
        return byScore > 0 || (byScore == 0 && ids[a] < ids[b]);
    }

    private static void siftUp(int[] heap, int i, int[] ids, double[] scores) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(heap[parent], heap[i], ids, scores)) {
                break;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, int[] ids, double[] scores) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int worst = i;
            if (left < size && better(heap[worst], heap[left], ids, scores)) {
                worst = left;
            }
            if (left + 1 < size && better(heap[worst], heap[left + 1], ids, scores)) {
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

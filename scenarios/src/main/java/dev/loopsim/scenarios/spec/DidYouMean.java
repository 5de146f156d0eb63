package dev.loopsim.scenarios.spec;

import java.util.Collection;

/** A cheap "did you mean" for misspelt keys and names: the closest candidate within edit distance 2. */
public final class DidYouMean {
    private DidYouMean() { }

    /** " (did you mean 'x'?)" or the empty string. */
    public static String suggest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : candidates) {
            String a = word.toLowerCase(java.util.Locale.ROOT);
            String b = candidate.toLowerCase(java.util.Locale.ROOT);
            int distance = a.length() >= 4 && (b.startsWith(a) || a.startsWith(b)) ? 1 : distance(a, b);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

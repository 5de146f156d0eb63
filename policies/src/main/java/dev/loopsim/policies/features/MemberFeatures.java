package dev.loopsim.policies.features;

import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Title;

/**
 * Features of a member from their recent plays, and the feature vectors contextual bandits read.
 * Item-by-member products let one shared model learn how members' history predicts their response
 * to an item, so evidence from popular titles carries over to rarely shown ones.
 */
public final class MemberFeatures {
    private MemberFeatures() { }

    /** The mean genre mixture of the recent plays; zeros with no plays. */
    public static double[] genreShares(PlayHistory history, Catalog catalog) {
        double[] shares = new double[catalog.genreCount()];
        int n = history.count();
        for (int k = 0; k < n; k++) {
            Title title = catalog.title(history.title(k));
            for (int g = 0; g < shares.length; g++) {
                shares[g] += title.genre(g) / n;
            }
        }
        return shares;
    }

    /** The mean theme of the artworks the recent plays were shown with; zeros with no plays. */
    public static double[] themeShares(PlayHistory history, Catalog catalog) {
        double[] shares = new double[themes(catalog)];
        int n = history.count();
        for (int k = 0; k < n; k++) {
            double[] theme = catalog.title(history.title(k)).artwork(history.artwork(k)).theme();
            for (int h = 0; h < shares.length; h++) {
                shares[h] += theme[h] / n;
            }
        }
        return shares;
    }

    /** How many artwork themes the catalog's artworks have. */
    public static int themes(Catalog catalog) {
        return catalog.title(0).artwork(0).theme().length;
    }

    /** [v, s ∘ v]: the item's own vector (an intercept per component) and its match with the member's shares. */
    public static double[] interaction(double[] item, double[] member) {
        double[] x = new double[2 * item.length];
        for (int i = 0; i < item.length; i++) {
            x[i] = item[i];
            x[item.length + i] = item[i] * member[i];
        }
        return x;
    }

    /** [1, s]: an intercept and the member's shares, for arms that have their own model each. */
    public static double[] withIntercept(double[] member) {
        double[] x = new double[member.length + 1];
        x[0] = 1;
        System.arraycopy(member, 0, x, 1, member.length);
        return x;
    }
}

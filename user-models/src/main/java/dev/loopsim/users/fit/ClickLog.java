package dev.loopsim.users.fit;

import java.util.List;

/**
 * Impressions to fit a click model to: one row per title shown in a slot, in log order, with its
 * click and the logging policy's probability of showing it there.
 *
 * @param source     where the log was read from
 * @param items      item names, indexed by item (an item never shown keeps its place)
 * @param contexts   context names, indexed by context
 * @param slots      slots on a page; slot 0 is the first in reading order
 * @param item       each row's item
 * @param slot       each row's slot
 * @param context    each row's context
 * @param click      each row's click (or play)
 * @param propensity each row's logging probability, in (0, 1]
 * @param weighted   whether rows weigh 1/propensity where logging was not uniform (the default);
 *                   false fits the plain likelihood, which is right when the model is, and has less
 *                   variance when the logging policy almost never showed some items
 */
public record ClickLog(String source, List<String> items, List<String> contexts, int slots, int[] item, int[] slot,
                       int[] context, boolean[] click, double[] propensity,
                       boolean weighted) {

    public ClickLog {
        items = List.copyOf(items);
        contexts = List.copyOf(contexts);
        int n = item.length;
        if (slot.length != n || context.length != n || click.length != n || propensity.length != n) {
            throw new IllegalArgumentException("every column needs one value per row");
        }
    }

    public ClickLog(String source, List<String> items, List<String> contexts, int slots, int[] item, int[] slot,
                    int[] context, boolean[] click, double[] propensity) {
        this(source, items, contexts, slots, item, slot, context, click, propensity, true);
    }

    /** This log, fitted without inverse-propensity weights. */
    public ClickLog unweighted() {
        return new ClickLog(source, items, contexts, slots, item, slot, context, click, propensity, false);
    }

    /** Whether the fit weighs rows by inverse propensity: weighting asked for, and logging not uniform. */
    public boolean inversePropensityWeighted() {
        return weighted && !uniformLogging();
    }

    public int rows() {
        return item.length;
    }

    public int clicks() {
        int clicks = 0;
        for (boolean c : click) {
            clicks += c ? 1 : 0;
        }
        return clicks;
    }

    /**
     * Whether the logging policy showed every item alike: then rows need no weights. Otherwise a
     * row counts 1/propensity (normalised to mean 1), so that the fit describes every item shown
     * in every slot alike, not the logging policy's favourites.
     */
    public boolean uniformLogging() {
        for (double p : propensity) {
            if (Math.abs(p - propensity[0]) > 1e-12 * propensity[0]) {
                return false;
            }
        }
        return true;
    }

    /** Each row's weight: 1 under uniform logging or without weighting, else 1/propensity scaled to mean 1. */
    public double[] weights() {
        double[] w = new double[rows()];
        if (!inversePropensityWeighted()) {
            java.util.Arrays.fill(w, 1);
            return w;
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 / propensity[i];
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] *= w.length / sum;
        }
        return w;
    }

    /** Share of rows in each context: the contexts a fitted world draws its members' from. */
    public double[] contextShares() {
        double[] share = new double[contexts.size()];
        for (int c : context) {
            share[c] += 1.0 / rows();
        }
        return share;
    }
}

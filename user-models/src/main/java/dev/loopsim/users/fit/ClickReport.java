package dev.loopsim.users.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What {@code loopsim fit --impressions} reports: the click model on the whole log, and the model
 * refitted on the log's first rows judged on the rest against a baseline that knows only each
 * slot's click rate: held-out log-likelihood, and calibration by slot and by decile of prediction.
 *
 * @param log         the impressions fitted
 * @param model       the model on every row
 * @param logLikelihood its log-likelihood on every row (unweighted)
 * @param heldOut     the held-out comparison; null when nothing is held out
 */
public record ClickReport(ClickLog log, ClickModel model, double logLikelihood, HeldOut heldOut) {

    /**
     * @param impressions    held-out rows
     * @param clicks         their clicks
     * @param logLikelihood  per impression: the model's, and the per-slot baseline's
     * @param bySlot         calibration per slot
     * @param byDecile       calibration per tenth of the rows ordered by the model's prediction
     */
    public record HeldOut(double share, int impressions, int clicks, double logLikelihood, double baselineLogLikelihood,
                          List<Group> bySlot, List<Group> byDecile) { }

    /** Observed click rate of a group of held-out rows beside the mean prediction of the model and the baseline. */
    public record Group(String label, int impressions, int clicks, double predicted, double baseline) {
        public double observed() {
            return impressions == 0 ? Double.NaN : (double) clicks / impressions;
        }
    }

    /** @param holdoutShare the last share of rows (in log order) to hold out; 0 for none */
    public static ClickReport of(ClickLog log, double holdoutShare) {
        ClickModel model = ClickModelFitter.fit(log);
        double ll = 0;
        for (int row = 0; row < log.rows(); row++) {
            ll += logLikelihood(model.probability(log.item()[row], log.slot()[row], log.context()[row]), log.click()[row]);
        }
        HeldOut heldOut = null;
        int split = (int) Math.round(log.rows() * (1 - holdoutShare));
        if (holdoutShare > 0 && split < log.rows()) {
            heldOut = heldOut(log, split, holdoutShare);
        }
        return new ClickReport(log, model, ll, heldOut);
    }

    private static HeldOut heldOut(ClickLog log, int split, double share) {
        ClickModel trained = ClickModelFitter.fit(log, row -> row < split);
        double[] slotRate = new double[log.slots()];
        double[] slotRows = new double[log.slots()];
        for (int row = 0; row < split; row++) {
            slotRows[log.slot()[row]]++;
            slotRate[log.slot()[row]] += log.click()[row] ? 1 : 0;
        }
        for (int k = 0; k < slotRate.length; k++) {
            slotRate[k] = (slotRate[k] + 0.5) / (slotRows[k] + 1);  // a slot without clicks is not certain never to get one
        }
        int n = log.rows() - split;
        double[] predicted = new double[n];
        double ll = 0;
        double baseLl = 0;
        int clicks = 0;
        for (int i = 0; i < n; i++) {
            int row = split + i;
            predicted[i] = trained.probability(log.item()[row], log.slot()[row], log.context()[row]);
            ll += logLikelihood(predicted[i], log.click()[row]);
            baseLl += logLikelihood(slotRate[log.slot()[row]], log.click()[row]);
            clicks += log.click()[row] ? 1 : 0;
        }
        List<Group> bySlot = new ArrayList<>();
        for (int k = 0; k < log.slots(); k++) {
            int slot = k;
            bySlot.add(group("slot " + (k + 1), IntStream.range(0, n).filter(i -> log.slot()[split + i] == slot).toArray(),
                    log, split, predicted, slotRate));
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> predicted[i]).thenComparingInt(i -> i));
        List<Group> byDecile = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int[] members = Arrays.stream(order, d * n / 10, (d + 1) * n / 10).mapToInt(Integer::intValue).toArray();
            byDecile.add(group("decile " + (d + 1), members, log, split, predicted, slotRate));
        }
        return new HeldOut(share, n, clicks, ll / n, baseLl / n, bySlot, byDecile);
    }

    private static Group group(String label, int[] members, ClickLog log, int split, double[] predicted, double[] slotRate) {
        int clicks = 0;
        double model = 0;
        double baseline = 0;
        for (int i : members) {
            clicks += log.click()[split + i] ? 1 : 0;
            model += predicted[i];
            baseline += slotRate[log.slot()[split + i]];
        }
        int m = Math.max(members.length, 1);
        return new Group(label, members.length, clicks, model / m, baseline / m);
    }

    static double logLikelihood(double p, boolean click) {
        return click ? Math.log(p) : Math.log1p(-p);
    }
}

package dev.loopsim.scenarios.fit;

import dev.loopsim.results.ope.BanditLog;
import dev.loopsim.users.fit.ClickLog;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** A bandit log read for off-policy evaluation, as the impressions a click model is fitted to. */
public final class ClickLogs {
    private ClickLogs() { }

    /**
     * Items are the log's actions by index; slots are its distinct positions in increasing order
     * (OBD's 1, 2, 3 are slots 1 to 3, left to right); contexts are its distinct context values,
     * sorted.
     */
    public static ClickLog of(BanditLog log) {
        TreeSet<Integer> positions = new TreeSet<>();
        TreeSet<String> contextNames = new TreeSet<>();
        for (BanditLog.Row row : log.rows()) {
            positions.add(row.position());
            contextNames.add(row.context() == null ? "" : row.context());
        }
        TreeMap<Integer, Integer> slotOf = new TreeMap<>();
        for (int position : positions) {
            slotOf.put(position, slotOf.size());
        }
        List<String> contexts = new ArrayList<>(contextNames);
        TreeMap<String, Integer> contextOf = new TreeMap<>();
        for (String name : contexts) {
            contextOf.put(name, contextOf.size());
        }
        int n = log.rows().size();
        int[] item = new int[n];
        int[] slot = new int[n];
        int[] context = new int[n];
        boolean[] click = new boolean[n];
        double[] propensity = new double[n];
        for (int i = 0; i < n; i++) {
            BanditLog.Row row = log.rows().get(i);
            item[i] = row.action();
            slot[i] = slotOf.get(row.position());
            context[i] = contextOf.get(row.context() == null ? "" : row.context());
            click[i] = row.reward() > 0;
            propensity[i] = row.propensity();
        }
        List<String> items = new ArrayList<>();
        for (int a = 0; a < log.actions(); a++) {
            items.add(Integer.toString(a));
        }
        return new ClickLog(log.source(), items, contexts, positions.size(), item, slot, context, click, propensity);
    }

    /**
     * The watching of a log's plays fitted on the click model's attraction logits (see
     * {@link dev.loopsim.users.fit.WatchFit}), or null when the log has too few plays with a watch
     * fraction (a log that is not loopsim's has none).
     */
    public static dev.loopsim.users.fit.WatchFit watching(dev.loopsim.users.fit.ClickReport report,
                                                         List<dev.loopsim.results.ope.LoopsimLog.Play> plays) {
        List<String> contexts = report.log().contexts();
        double[] logit = new double[plays.size()];
        double[] watch = new double[plays.size()];
        int n = 0;
        for (var play : plays) {
            int context = contexts.indexOf(play.context() == null ? "" : play.context());
            if (context < 0 || play.title() >= report.log().items().size()) {
                continue; // a play the click log never showed in that context cannot be placed
            }
            logit[n] = ResponseModelFile.attractionLogit(report.model(), play.title(), context);
            watch[n++] = play.watch();
        }
        return n < 10 ? null : dev.loopsim.users.fit.WatchFit.of(java.util.Arrays.copyOf(logit, n), java.util.Arrays.copyOf(watch, n));
    }
}

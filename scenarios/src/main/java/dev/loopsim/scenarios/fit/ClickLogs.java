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
}

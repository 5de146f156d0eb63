package dev.loopsim.users.choice;

import dev.loopsim.core.world.Page;
import java.util.List;

/**
 * Pr(a member examines a slot): η_row^r · η_col^c by default, or one probability per slot in
 * reading order (a fitted click model's), slots past the list never examined.
 */
public final class Examination {
    private final double rowDecay;
    private final double columnDecay;
    private final double[] bySlot;

    public Examination(double rowDecay, double columnDecay, List<Double> bySlot) {
        this.rowDecay = rowDecay;
        this.columnDecay = columnDecay;
        this.bySlot = bySlot.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double probability(Page page, int slot) {
        if (bySlot.length > 0) {
            return slot < bySlot.length ? bySlot[slot] : 0;
        }
        int row = slot / page.columns();
        int column = slot % page.columns();
        return Math.pow(rowDecay, row) * Math.pow(columnDecay, column);
    }
}

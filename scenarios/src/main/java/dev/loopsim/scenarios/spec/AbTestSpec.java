package dev.loopsim.scenarios.spec;

import dev.loopsim.core.Keys;
import dev.loopsim.core.ParameterException;
import java.util.List;

/**
 * How an A/B test ({@code mode: ab-test}) runs: one world whose members are split across the
 * cells, the first cell being the control.
 *
 * @param training       {@code pooled}: every cell's policies learn from all members' feedback, as when
 *                       arms share a training pipeline; {@code per-cell}: each cell learns from its own
 *                       members only. Several modes run the test once per mode, side by side
 * @param allocation     each cell's share of members, in cell order; empty for equal shares
 * @param readoutDays    days at which the effect is read, besides the horizon (e.g. 28: a four-week test);
 *                       days at or past the horizon are left out
 * @param counterfactual whether to run each cell alone on every member too: the effect of shipping it
 */
public record AbTestSpec(List<Training> training, List<Double> allocation, List<Integer> readoutDays,
                         boolean counterfactual) {
    /** What is read out at each readout day. */
    public static final List<String> READOUT = List.of("take_fraction", "plays_per_member", "visits_per_member");
    public static final AbTestSpec DEFAULTS = new AbTestSpec(List.of(Training.POOLED), List.of(), List.of(28), true);

    public AbTestSpec {
        training = training == null || training.isEmpty() ? List.of(Training.POOLED) : training;
        for (int i = 0; i < training.size(); i++) {
            Keys.required(Training.class, "training[" + i + "]", training.get(i));
        }
        training = List.copyOf(training);
        if (training.stream().distinct().count() < training.size()) {
            throw new ParameterException("training", "each training mode once, found "
                    + training.stream().map(Keys::of).toList());
        }
        allocation = allocation == null ? List.of() : List.copyOf(allocation);
        double total = 0;
        for (int i = 0; i < allocation.size(); i++) {
            double share = allocation.get(i);
            if (!(share > 0 && share < 1)) {
                throw new ParameterException("allocation[" + i + "]", "allocation[" + i + "] must be in (0, 1), found " + share);
            }
            total += share;
        }
        if (!allocation.isEmpty() && Math.abs(total - 1) > 1e-9) {
            throw new ParameterException("allocation", "the allocation's shares must sum to 1, found " + total);
        }
        readoutDays = readoutDays == null ? List.of() : List.copyOf(readoutDays);
        for (int i = 0; i < readoutDays.size(); i++) {
            if (readoutDays.get(i) < 1) {
                throw new ParameterException("readoutDays[" + i + "]", "readout days must be >= 1, found " + readoutDays.get(i));
            }
        }
    }

    /** Whose feedback an A/B test's policies learn from. */
    public enum Training {
        /** Every member's, whatever their cell: arms that share a training pipeline. */
        POOLED,
        /** Their own cell's members' only. */
        PER_CELL;

        /** The variant's name in metric names: {@code pooled}, {@code per_cell}. */
        public String variant() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The readout days before the horizon, ascending, and the horizon's whole days. */
    public List<Integer> readouts(double horizonDays) {
        java.util.TreeSet<Integer> days = new java.util.TreeSet<>();
        readoutDays.stream().filter(d -> d < horizonDays).forEach(days::add);
        days.add((int) Math.floor(horizonDays));
        return List.copyOf(days);
    }

    /** The variants: each training mode, then the counterfactual when it runs. */
    public List<String> variants() {
        List<String> variants = new java.util.ArrayList<>(training.stream().map(Training::variant).toList());
        if (counterfactual) {
            variants.add("counterfactual");
        }
        return variants;
    }

    /** {@code <variant>_<metric>_d<day>}: a readout metric's name, e.g. {@code pooled_take_fraction_d28}. */
    public static String readoutMetric(String variant, String metric, int day) {
        return dev.loopsim.results.metrics.MetricId.readout(variant, metric, day).name();
    }

    /** Every readout metric a cell of the test has. */
    public java.util.Set<String> readoutMetrics(double horizonDays) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String variant : variants()) {
            for (int day : readouts(horizonDays)) {
                READOUT.forEach(metric -> names.add(readoutMetric(variant, metric, day)));
            }
        }
        return names;
    }

    /** Each cell's share, in cell order. */
    public double[] shares(int cells) {
        double[] shares = new double[cells];
        for (int c = 0; c < cells; c++) {
            shares[c] = allocation.isEmpty() ? 1.0 / cells : allocation.get(c);
        }
        return shares;
    }
}

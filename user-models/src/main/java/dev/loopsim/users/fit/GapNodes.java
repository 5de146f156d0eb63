package dev.loopsim.users.fit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Points inside gaps at which a form reports its partial integrals of λ, from the gap's at-risk
 * start: the part proportional to the base rate and the rest. Integrals against a member's
 * survival within a gap (the chance they left before visiting again) are sums over them.
 *
 * <p>Gauss–Legendre nodes sit in cells that start at 1/24 day and double up to whole days: a
 * frequent visitor's survival falls fastest just after the gap starts, and eight nodes a day
 * integrate the daily harmonic to about six digits. Once the excitation has died away (below
 * {@link #SETTLED} of λ, from the offset the form reports) λ repeats every week to that precision,
 * so a long gap needs nodes over one week only, and its later weeks are a geometric series (see
 * {@link GapSurvival}).
 */
final class GapNodes {
    static final int PER_CELL = 8;
    static final double WEEK = 7;
    /** How small the excitation's share of λ must be before λ counts as weekly. */
    static final double SETTLED = 1e-6;
    private static final double FIRST_CELL_DAYS = 1.0 / 24;
    private static final double[] X = new double[PER_CELL];
    private static final double[] W = new double[PER_CELL];
    /** S[i][k]: ∫ from −1 to X_i of the Lagrange polynomial through the nodes that is 1 at X_k. */
    private static final double[][] S = new double[PER_CELL][PER_CELL];

    static {
        var rule = new GaussIntegratorFactory().legendre(PER_CELL);
        // In increasing order, so that the nodes of a gap run forward in time (GapSurvival relies on it).
        int[] order = java.util.stream.IntStream.range(0, PER_CELL).boxed()
                .sorted(java.util.Comparator.comparingDouble(rule::getPoint)).mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < PER_CELL; i++) {
            X[i] = rule.getPoint(order[i]);
            W[i] = rule.getWeight(order[i]);
        }
        // Each Lagrange polynomial has degree 7: the same rule mapped onto [−1, X_i] integrates it exactly.
        for (int i = 0; i < PER_CELL; i++) {
            double half = 0.5 * (X[i] + 1);
            for (int k = 0; k < PER_CELL; k++) {
                double sum = 0;
                for (int n = 0; n < PER_CELL; n++) {
                    double t = -1 + half * (1 + X[n]);
                    double basis = 1;
                    for (int m = 0; m < PER_CELL; m++) {
                        if (m != k) {
                            basis *= (t - X[m]) / (X[k] - X[m]);
                        }
                    }
                    sum += half * W[n] * basis;
                }
                S[i][k] = sum;
            }
        }
    }

    /**
     * Where a gap's nodes are: {@link #PER_CELL} per cell, cell by cell. The tiling cells run
     * without overlap from the gap's start: the head, then (with a weekly part) its first week. A
     * weekly part's last, incomplete week reuses the first week's whole days and, for its cut last
     * day, has a cell of its own after the tiling ones, starting where tiling cell {@code cutFrom} does.
     *
     * @param head     indices of the head's nodes, before the weekly part (or to the gap's end)
     * @param week     of the first week's, which later weeks repeat
     * @param partial  of the last, incomplete week's, at their places within the first week
     * @param weekFrom the tiling boundary where the weekly part starts, or −1 without one
     * @param weeks    whole weeks in the weekly part
     */
    record Layout(double[] offsets, double[] cellFrom, double[] cellTo, int tiling, int cutFrom, int[] head,
                  double[] headWeight, int[] week, double[] weekWeight, int[] partial, double[] partialWeight, int weekFrom,
                  int weeks, int restWholeDays) {

        int cells() {
            return cellFrom.length;
        }

        /**
         * The running integral at the gap's end, from the boundary values (tiling + 2 of them: the
         * last is the cut cell's end): past a weekly part's start, its whole weeks and the rest.
         */
        double atEnd(double[] boundaries) {
            if (weekFrom < 0) {
                return boundaries[tiling];
            }
            double rest = cutFrom >= 0 ? boundaries[tiling + 1] : boundaries[weekFrom + restWholeDays];
            return rest + weeks * (boundaries[tiling] - boundaries[weekFrom]);
        }

        /**
         * Where boundary c is, in the order of the boundary arrays: the tiling cells' starts, the
         * tiling's end, then the cut cell's end (NaN without one).
         */
        double boundary(int c) {
            if (c < tiling) {
                return cellFrom[c];
            }
            if (c == tiling) {
                return tiling == 0 ? 0 : cellTo[tiling - 1];
            }
            return cutFrom >= 0 ? cellTo[cellTo.length - 1] : Double.NaN;
        }
    }

    private final boolean[] wanted;
    private final double[] lengths;
    final Layout[] layouts;
    /** Per gap, per node: the integrals from the gap's at-risk start; and per tiling boundary, then at the cut cell's end. */
    final double[][] rate;
    final double[][] fixed;
    final double[][] boundaryRate;
    final double[][] boundaryFixed;

    GapNodes(int gaps) {
        wanted = new boolean[gaps];
        lengths = new double[gaps];
        java.util.Arrays.fill(lengths, Double.NaN);
        layouts = new Layout[gaps];
        rate = new double[gaps][];
        fixed = new double[gaps][];
        boundaryRate = new double[gaps][];
        boundaryFixed = new double[gaps][];
    }

    void request(int gap) {
        wanted[gap] = true;
    }

    /** Asks for nodes over the first {@code length} days of the gap's at-risk part instead of all of it (say, to the log's end). */
    void request(int gap, double length) {
        wanted[gap] = true;
        lengths[gap] = length;
    }

    /** The length nodes are asked for: the gap's at-risk length unless another was given. */
    double length(int gap, double span) {
        return Double.isNaN(lengths[gap]) ? span : lengths[gap];
    }

    boolean wants(int gap) {
        return wanted[gap];
    }

    /** The nodes a form fills for gap j, whose λ repeats weekly from {@code settled} on. */
    Layout layout(int gap, double length, double settled) {
        Layout layout = layout(length, settled);
        layouts[gap] = layout;
        rate[gap] = new double[layout.offsets().length];
        fixed[gap] = new double[layout.offsets().length];
        boundaryRate[gap] = new double[layout.tiling() + 2];
        boundaryFixed[gap] = new double[layout.tiling() + 2];
        return layout;
    }

    /**
     * Fills the running integral of a rate g, given at every node, by Gauss–Legendre collocation:
     * each cell's integral to its nodes from the interpolating polynomial, exact to degree 7.
     */
    static void integrate(Layout layout, double[] g, double[] atNodes, double[] atBoundaries) {
        for (int c = 0; c < layout.cells(); c++) {
            boolean tiling = c < layout.tiling();
            double start = atBoundaries[tiling ? c : layout.cutFrom()];
            double half = 0.5 * (layout.cellTo()[c] - layout.cellFrom()[c]);
            int base = c * PER_CELL;
            double whole = 0;
            for (int i = 0; i < PER_CELL; i++) {
                double sum = 0;
                for (int k = 0; k < PER_CELL; k++) {
                    sum += S[i][k] * g[base + k];
                }
                atNodes[base + i] = start + half * sum;
                whole += W[i] * g[base + i];
            }
            atBoundaries[tiling ? c + 1 : layout.tiling() + 1] = start + half * whole;
        }
    }

    static Layout layout(double length, double settledFrom) {
        double settled = Math.max(settledFrom, 1.25); // the short cells always come first: the weekly part has whole days
        List<double[]> cells = new ArrayList<>(); // {from, to}
        List<Integer> roles = new ArrayList<>(); // 0 head, 1 week
        double start = 0;
        double width = FIRST_CELL_DAYS;
        // Cells until the weekly part begins, the last cut short there: the nodes move with
        // `settled` continuously, so log L stays smooth in the parameters that set it.
        while (start < Math.min(length, settled)) {
            double end = Math.min(Math.min(length, settled), start + width);
            cells.add(new double[]{start, end});
            roles.add(0);
            start = end;
            width = Math.min(1, 2 * width);
        }
        boolean weekly = length - start >= WEEK;
        int weekFrom = -1;
        int weeks = 0;
        double rest = 0;
        if (weekly) {
            weekFrom = cells.size();
            weeks = (int) Math.floor((length - start) / WEEK);
            rest = length - start - weeks * WEEK;
            for (int day = 0; day < WEEK; day++) {
                cells.add(new double[]{start + day, start + day + 1});
                roles.add(1);
            }
        } else {
            while (start < length) {
                double end = Math.min(length, start + width);
                cells.add(new double[]{start, end});
                roles.add(0);
                start = end;
                width = Math.min(1, 2 * width);
            }
        }
        int tiling = cells.size();
        int wholeDays = (int) Math.floor(rest);
        int cutFrom = -1;
        if (weekly && rest > wholeDays) {
            cutFrom = weekFrom + wholeDays;
            cells.add(new double[]{start + wholeDays, start + rest});
            roles.add(2);
        }
        double[] offsets = new double[cells.size() * PER_CELL];
        double[] weights = new double[offsets.length];
        double[] from = new double[cells.size()];
        double[] to = new double[cells.size()];
        List<Integer> head = new ArrayList<>();
        List<Integer> week = new ArrayList<>();
        List<Integer> partial = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            from[c] = cells.get(c)[0];
            to[c] = cells.get(c)[1];
            double half = 0.5 * (to[c] - from[c]);
            for (int i = 0; i < PER_CELL; i++) {
                int q = c * PER_CELL + i;
                offsets[q] = from[c] + half * (1 + X[i]);
                weights[q] = half * W[i];
                switch (roles.get(c)) {
                    case 0 -> head.add(q);
                    case 1 -> {
                        week.add(q);
                        if (c - weekFrom < wholeDays) {
                            partial.add(q);
                        }
                    }
                    default -> partial.add(q);
                }
            }
        }
        return new Layout(offsets, from, to, tiling, cutFrom, indices(head), pick(weights, head), indices(week),
                pick(weights, week), indices(partial), pick(weights, partial), weekFrom, weeks, wholeDays);
    }

    private static int[] indices(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] pick(double[] values, List<Integer> at) {
        return at.stream().mapToDouble(q -> values[q]).toArray();
    }
}

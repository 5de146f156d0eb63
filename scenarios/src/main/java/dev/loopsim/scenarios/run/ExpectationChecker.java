package dev.loopsim.scenarios.run;

import dev.loopsim.results.metrics.MetricId;
import dev.loopsim.results.stats.Binomial;
import dev.loopsim.results.stats.Interval;
import dev.loopsim.results.stats.Power;
import dev.loopsim.scenarios.expect.Expectation;
import dev.loopsim.scenarios.expect.ExpectationResult;
import dev.loopsim.scenarios.expect.ExpectationResult.Test;
import dev.loopsim.scenarios.expect.MultipleTesting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Tests expectations on the runs of an experiment, each by the test that fits it:
 * <ul>
 *   <li>a comparison of a 0/1 metric (a share of replicates, such as an ope estimator's
 *   {@code covered}) with a number: the exact binomial test, with its Clopper–Pearson bound;</li>
 *   <li>any other comparison: the one-sided paired t-test over replicates (counterfactual cells
 *   share their random numbers, so replicate r of every cell is one pair), or the exact sign test
 *   when every replicate gives the same difference;</li>
 *   <li>a range or a baseline: the equivalence test (two one-sided t-tests), which passes only
 *   when the replicates show the mean inside, so that a mean inside but within the noise of an
 *   edge is "not shown" rather than a PASS.</li>
 * </ul>
 * Every printed bound is the confidence set of the test that decided, so a PASS never shows a
 * bound on the wrong side of its threshold.
 */
public final class ExpectationChecker {
    private ExpectationChecker() { }

    /** Every expectation of a scenario, with the correction it asks for. */
    public static List<ExpectationResult> checkAll(List<Expectation> expectations, List<CellRun> runs, int replicates,
                                                   double confidence, Map<String, Double> baseline, MultipleTesting correction) {
        List<ExpectationResult> results = new ArrayList<>();
        for (Expectation e : expectations) {
            results.add(check(e, runs, replicates, confidence, baseline));
        }
        return correction == MultipleTesting.HOLM ? holm(expectations, results, runs, replicates, confidence, baseline) : results;
    }

    /**
     * Holm's step-down: in order of p, the j-th smallest (from 0) of m is tested at α/(m − j),
     * and once one fails every later one does. Each result is re-tested at its step's level, so its
     * printed bound is at that level too; its p-value is the Holm-adjusted one.
     */
    private static List<ExpectationResult> holm(List<Expectation> expectations, List<ExpectationResult> first, List<CellRun> runs,
                                                int replicates, double confidence, Map<String, Double> baseline) {
        int m = first.size();
        double alpha = 1 - confidence;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> pOrOne(first.get(i)))).toArray(Integer[]::new);
        ExpectationResult[] corrected = new ExpectationResult[m];
        double adjusted = 0;
        boolean rejecting = true;
        for (int j = 0; j < m; j++) {
            int i = order[j];
            double stepAlpha = alpha / (m - j);
            ExpectationResult atStep = check(expectations.get(i), runs, replicates, 1 - stepAlpha, baseline);
            adjusted = Math.max(adjusted, Math.min(1, (m - j) * pOrOne(atStep)));
            boolean passed = rejecting && adjusted < alpha;
            String why = !rejecting ? "; fails under Holm's correction, since an expectation with a smaller p did not hold"
                    : String.format(Locale.ROOT, "; tested at %s, step %d of Holm's correction over %d expectations: adjusted p = %.3g %s %.3g",
                    percent(1 - stepAlpha), j + 1, m, adjusted, passed ? "<" : ">=", alpha);
            rejecting = passed;
            corrected[i] = atStep.withOutcome(passed, Double.isNaN(atStep.pValue()) ? Double.NaN : adjusted, atStep.detail() + why);
        }
        return List.of(corrected);
    }

    private static double pOrOne(ExpectationResult r) {
        return Double.isNaN(r.pValue()) ? 1 : r.pValue();
    }

    public static ExpectationResult check(Expectation e, List<CellRun> runs, int replicates, double confidence) {
        return check(e, runs, replicates, confidence, Map.of());
    }

    /**
     * @param confidence the level: the test rejects at 1 − confidence
     * @param baseline   stored means by {@code cell.metric}, for the baseline form
     */
    public static ExpectationResult check(Expectation e, List<CellRun> runs, int replicates, double confidence,
                                          Map<String, Double> baseline) {
        if (e.kind() == Expectation.Kind.BETWEEN || e.kind() == Expectation.Kind.BASELINE) {
            return checkRange(e, runs, replicates, confidence, baseline);
        }
        Share share = share(e);
        if (share != null) {
            return checkShare(e, share, runs, replicates, confidence);
        }
        double[] differences = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            double left = value(runs, e.left(), r);
            double right = value(runs, e.right(), r);
            differences[r] = e.greater() ? left - right : right - left;
        }
        double mean = Arrays.stream(differences).average().orElse(Double.NaN);
        if (replicates < 2) {
            return new ExpectationResult(e, false, Test.NONE, mean, Double.NaN, Double.NaN, confidence, Double.NaN, differences, 0,
                    Double.NaN, "needs at least 2 replicates to be tested at " + percent(confidence) + " confidence");
        }
        double p = Interval.pValueGreaterThanZero(differences);
        double bound = Interval.lowerBound(differences, confidence);
        boolean passed = p < 1 - confidence;
        Test test = Interval.standardDeviation(differences) == 0 ? Test.SIGN : Test.PAIRED_T;
        String detail = String.format(Locale.ROOT, "%s: margin %s on average over %d replicates, %s (one-sided %s bound); %s p = %.3g %s %.3g",
                passed ? "holds" : "not shown", brief(mean), replicates, Double.isInfinite(bound)
                        ? "no bound at this many replicates" : ">= " + brief(bound), percent(confidence),
                test == Test.SIGN ? "sign test" : "paired t", p, passed ? "<" : ">=", 1 - confidence);
        return new ExpectationResult(e, passed, test, mean, bound, Double.POSITIVE_INFINITY, confidence, p, differences, 0,
                Double.NaN, detail);
    }

    /** A 0/1 metric against a number: which replicates count, and whether the share should exceed it. */
    private record Share(Expectation.Reference reference, double threshold, boolean above) { }

    private static Share share(Expectation e) {
        Expectation.Term left = single(e.left());
        Expectation.Term right = single(e.right());
        if (left == null || right == null) {
            return null;
        }
        if (left.reference() != null && right.reference() == null && binary(left.reference())) {
            return new Share(left.reference(), right.constant(), e.greater());
        }
        if (right.reference() != null && left.reference() == null && binary(right.reference())) {
            return new Share(right.reference(), left.constant(), !e.greater());
        }
        return null;
    }

    private static Expectation.Term single(Expectation.Side side) {
        return side.denominator() == null ? side.numerator() : null;
    }

    private static boolean binary(Expectation.Reference reference) {
        return MetricId.parse(reference.metric()).binary();
    }

    private static ExpectationResult checkShare(Expectation e, Share share, List<CellRun> runs, int replicates, double confidence) {
        double[] values = new double[replicates];
        int successes = 0;
        int missing = 0;
        for (int r = 0; r < replicates; r++) {
            values[r] = value(runs, share.reference().cell(), share.reference().metric(), r);
            missing += Double.isNaN(values[r]) ? 1 : 0;
            successes += values[r] == 1 ? 1 : 0;
        }
        if (missing > 0) {
            return new ExpectationResult(e, false, Test.NONE, Double.NaN, Double.NaN, Double.NaN, confidence, Double.NaN, values,
                    share.threshold(), Double.NaN, share.reference().cell() + "." + share.reference().metric() + " has no value in "
                    + missing + " of " + replicates + " replicates (nothing to measure there), so its share cannot be tested");
        }
        double threshold = share.threshold();
        double p = share.above() ? Binomial.atLeast(successes, replicates, threshold) : Binomial.atMost(successes, replicates, threshold);
        double lower = share.above() ? Binomial.lowerBound(successes, replicates, confidence) : 0;
        double upper = share.above() ? 1 : Binomial.upperBound(successes, replicates, confidence);
        boolean passed = p < 1 - confidence;
        String detail = String.format(Locale.ROOT, "%s: %d of %d replicates, share %s %s %s (one-sided %s Clopper-Pearson bound) "
                        + "against %s; exact binomial p = %.3g %s %.3g", passed ? "holds" : "not shown", successes, replicates,
                brief((double) successes / replicates), share.above() ? ">=" : "<=", brief(share.above() ? lower : upper),
                percent(confidence), brief(threshold), p, passed ? "<" : ">=", 1 - confidence);
        return new ExpectationResult(e, passed, Test.BINOMIAL, (double) successes / replicates, lower, upper, confidence, p, values,
                threshold, Double.NaN, detail);
    }

    /** A range or a baseline: the equivalence test of the mean over replicates against fixed ends. */
    private static ExpectationResult checkRange(Expectation e, List<CellRun> runs, int replicates, double confidence,
                                                Map<String, Double> baseline) {
        double[] values = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            values[r] = value(runs, e.left(), r);
        }
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double low = e.low();
        double high = e.high();
        String against;
        if (e.kind() == Expectation.Kind.BASELINE) {
            Expectation.Reference reference = e.references().get(0);
            Double stored = baseline.get(reference.cell() + "." + reference.metric());
            if (stored == null) {
                return new ExpectationResult(e, false, Test.NONE, mean, Double.NaN, Double.NaN, confidence, Double.NaN, values, low, high,
                        "no baseline stored for " + reference.cell() + "." + reference.metric()
                                + "; save one with 'loopsim baseline save RUN_DIR'");
            }
            double tolerance = e.relative() ? e.tolerance() * Math.abs(stored) : e.tolerance();
            low = stored - tolerance;
            high = stored + tolerance;
            against = "the baseline " + brief(stored) + " ± " + brief(tolerance);
        } else {
            against = "[" + brief(low) + ", " + brief(high) + "]";
        }
        String twoSided = percent(2 * confidence - 1);
        if (replicates < 2) {
            return new ExpectationResult(e, false, Test.NONE, mean, Double.NaN, Double.NaN, 2 * confidence - 1, Double.NaN, values,
                    low, high, "mean " + brief(mean) + " of 1 replicate: at least 2 are needed to show the mean within " + against);
        }
        double p = Interval.pValueWithin(values, low, high);
        double lower = Interval.lowerBound(values, confidence);
        double upper = Interval.upperBound(values, confidence);
        boolean passed = p < 1 - confidence;
        boolean inside = mean >= low && mean <= high;
        String verdict = passed ? "holds" : inside ? "not shown (the replicates cannot tell it from the edge; see loopsim check --plan)"
                : "does not hold";
        String detail = String.format(Locale.ROOT, "%s: mean %s over %d replicates, %s interval %s to %s %s %s; TOST p = %.3g %s %.3g",
                verdict, brief(mean), replicates, twoSided, brief(lower), brief(upper), passed ? "inside" : "not inside", against, p,
                passed ? "<" : ">=", 1 - confidence);
        return new ExpectationResult(e, passed, Test.EQUIVALENCE, mean, lower, upper, 2 * confidence - 1, p, values, low, high, detail);
    }

    /**
     * The replicates at which the expectation's test would pass with the given power, from the
     * spread its replicates showed: for a comparison, to detect {@code effect} (NaN: the margin
     * seen); for a share, the share seen; for a range, the mean seen at its distance from the
     * nearer end. −1 when what was seen points the wrong way, so no number of replicates helps.
     *
     * @param confidence the scenario's level (before any correction)
     */
    public static int plan(ExpectationResult r, double effect, double power, double confidence) {
        double alpha = 1 - confidence;
        double[] values = r.values();
        return switch (r.test()) {
            case PAIRED_T, SIGN -> {
                double target = Double.isNaN(effect) ? r.estimate() : effect;
                yield target > 0 ? Power.replicatesForMean(target, Interval.standardDeviation(values), alpha, power) : -1;
            }
            case BINOMIAL -> {
                boolean above = share(r.expectation()).above();
                double seen = r.estimate();
                if (above) {
                    yield seen > r.low() ? Power.replicatesForShare(seen, r.low(), alpha, power) : -1;
                }
                yield seen < r.low() ? Power.replicatesForShare(1 - seen, 1 - r.low(), alpha, power) : -1;
            }
            case EQUIVALENCE -> {
                double margin = Math.min(r.estimate() - r.low(), r.high() - r.estimate());
                // Both one-sided tests must pass: each with power 1 − (1 − power)/2 makes both pass with at least `power`.
                yield margin > 0 ? Power.replicatesForMean(margin, Interval.standardDeviation(values), alpha, 1 - (1 - power) / 2) : -1;
            }
            case NONE -> -1;
        };
    }

    /** Six significant digits without trailing zeros: 3.6, 0.0452113. */
    private static String brief(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static double value(List<CellRun> runs, Expectation.Side side, int replicate) {
        double numerator = value(runs, side.numerator(), replicate);
        return side.denominator() == null ? numerator : numerator / value(runs, side.denominator(), replicate);
    }

    private static double value(List<CellRun> runs, Expectation.Term term, int replicate) {
        return term.reference() == null ? term.constant()
                : value(runs, term.reference().cell(), term.reference().metric(), replicate);
    }

    private static double value(List<CellRun> runs, String cell, String metric, int replicate) {
        return runs.stream().filter(run -> run.cell().equals(cell) && run.replicate() == replicate).findFirst()
                .map(run -> run.metrics().getOrDefault(metric, Double.NaN))
                .orElseThrow(() -> new IllegalStateException("no run of cell " + cell + " replicate " + replicate));
    }

    private static String percent(double confidence) {
        String text = String.format(Locale.ROOT, "%.2f", 100 * confidence).replaceAll("\\.?0+$", "");
        return text + "%";
    }
}

package dev.loopsim.scenarios.run;

import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.expect.Expectation;
import dev.loopsim.scenarios.expect.ExpectationResult;
import java.util.List;
import java.util.Locale;

/** Evaluates expectations on the runs of an experiment. */
public final class ExpectationChecker {
    private ExpectationChecker() { }

    public static ExpectationResult check(Expectation e, List<CellRun> runs, int replicates, double confidence) {
        return check(e, runs, replicates, confidence, java.util.Map.of());
    }

    /** @param baseline stored means by {@code cell.metric}, for the baseline form */
    public static ExpectationResult check(Expectation e, List<CellRun> runs, int replicates, double confidence,
                                          java.util.Map<String, Double> baseline) {
        if (e.kind() == Expectation.Kind.BETWEEN || e.kind() == Expectation.Kind.BASELINE) {
            return checkValue(e, runs, replicates, confidence, baseline);
        }
        double[] differences = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            double left = value(runs, e.left(), r);
            double right = value(runs, e.right(), r);
            differences[r] = e.greater() ? left - right : right - left;
        }
        Interval interval = Interval.of(differences, confidence);
        if (replicates < 2) {
            return new ExpectationResult(e, false, interval, Double.NaN,
                    "needs at least 2 replicates to be tested at " + percent(confidence) + " confidence");
        }
        double p = Interval.pValueGreaterThanZero(differences);
        boolean passed = p < 1 - confidence;
        String detail = String.format(Locale.ROOT, "%s by %.4g on average (%s CI %.4g to %.4g), one-sided p = %.3g %s %.3g",
                passed ? "holds" : "does not hold", interval.mean(), percent(confidence), interval.lower(),
                interval.upper(), p, passed ? "<" : ">=", 1 - confidence);
        return new ExpectationResult(e, passed, interval, p, detail);
    }

    /** A range or a baseline: the mean over replicates against fixed bounds. */
    private static ExpectationResult checkValue(Expectation e, List<CellRun> runs, int replicates, double confidence,
                                                java.util.Map<String, Double> baseline) {
        double[] values = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            values[r] = value(runs, e.left(), r);
        }
        Interval interval = Interval.of(values, confidence);
        double mean = interval.mean();
        double low = e.low();
        double high = e.high();
        String against;
        if (e.kind() == Expectation.Kind.BASELINE) {
            Expectation.Reference reference = e.references().get(0);
            Double stored = baseline.get(reference.cell() + "." + reference.metric());
            if (stored == null) {
                return new ExpectationResult(e, false, interval, Double.NaN, "no baseline stored for " + reference.cell() + "."
                        + reference.metric() + "; save one with 'loopsim baseline save RUN_DIR'");
            }
            double tolerance = e.relative() ? e.tolerance() * Math.abs(stored) : e.tolerance();
            low = stored - tolerance;
            high = stored + tolerance;
            against = "the baseline " + brief(stored) + " ± " + brief(tolerance);
        } else {
            against = "[" + brief(low) + ", " + brief(high) + "]";
        }
        boolean passed = mean >= low && mean <= high;
        String detail = String.format(Locale.ROOT, "mean %s%s is %s %s", brief(mean), replicates > 1
                ? String.format(Locale.ROOT, " (%s CI %.4g to %.4g)", percent(confidence), interval.lower(), interval.upper()) : "",
                passed ? "within" : "outside", against);
        return new ExpectationResult(e, passed, interval, Double.NaN, detail);
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
        return String.format(Locale.ROOT, "%.0f%%", 100 * confidence);
    }
}

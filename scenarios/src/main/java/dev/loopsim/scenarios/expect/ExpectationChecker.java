package dev.loopsim.scenarios.expect;

import dev.loopsim.results.stats.Interval;
import dev.loopsim.scenarios.run.CellRun;
import java.util.List;
import java.util.Locale;

/** Evaluates expectations on the runs of an experiment. */
public final class ExpectationChecker {
    private ExpectationChecker() { }

    public static ExpectationResult check(Expectation e, List<CellRun> runs, int replicates, double confidence) {
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

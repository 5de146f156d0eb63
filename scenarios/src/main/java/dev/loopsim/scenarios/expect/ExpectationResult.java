package dev.loopsim.scenarios.expect;

/**
 * How an expectation fared, with the test that decided it. The bounds are the confidence set that
 * matches the test, in sidedness and level: a comparison prints a one-sided bound (the other end
 * infinite), an equivalence test the two-sided (1 − 2α) interval whose lying inside the range is
 * the test, so that a PASS never shows a bound on the wrong side.
 *
 * @param expectation the expectation
 * @param passed      whether the test showed it at the scenario's confidence (after any correction)
 * @param test        the test used
 * @param estimate    the mean over replicates of the quantity tested: the difference left − right,
 *                    oriented so that positive means the expectation holds; the mean or the share otherwise
 * @param lower       the confidence set's lower end (−∞ for an upper bound)
 * @param upper       its upper end (+∞ for a lower bound)
 * @param level       the confidence level of that set: the scenario's, or a Holm step's
 * @param pValue      the test's p-value (Holm-adjusted when the scenario corrects); NaN when untested
 * @param values      the tested quantity in each replicate, for planning
 * @param low         what the test compares with: 0 for a difference, p₀ for a share, the range's lower end
 * @param high        the range's upper end for an equivalence test; NaN otherwise
 * @param detail      a sentence a person can read
 */
public record ExpectationResult(Expectation expectation, boolean passed, Test test, double estimate, double lower,
                                double upper, double level, double pValue, double[] values, double low, double high,
                                String detail) {

    /** The tests an expectation can be decided by. */
    public enum Test {
        /** The one-sided paired t-test. */
        PAIRED_T,
        /** The exact sign test, when the replicates do not vary. */
        SIGN,
        /** The exact one-sided binomial test of a share of replicates. */
        BINOMIAL,
        /** The equivalence test (two one-sided tests). */
        EQUIVALENCE,
        /** Not tested: too few replicates, or nothing to test against. */
        NONE;

        /** Its name in summary.json and the JUnit report. */
        public String key() {
            return dev.loopsim.core.Keys.of(this);
        }
    }

    public ExpectationResult withOutcome(boolean passed, double pValue, String detail) {
        return new ExpectationResult(expectation, passed, test, estimate, lower, upper, level, pValue, values, low, high, detail);
    }
}

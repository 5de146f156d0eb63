package dev.loopsim.users.fit;

import java.util.List;
import java.util.Map;

/**
 * A maximum-likelihood fit of a visit model.
 *
 * @param options        what was fitted, the form included
 * @param estimate       the estimates in the form's natural coordinates (see {@link VisitForm})
 * @param covariance     inverse observed information in natural coordinates; rows and columns of
 *                       fixed parameters and of those at a bound are 0, a coordinate the log carries no
 *                       information on has NaN on its diagonal; null if the information was not invertible
 * @param atBound        per natural coordinate, whether the maximum lies on the search's bound
 * @param logLikelihood  log L at the estimates, base rates integrated out
 * @param memberRates    each member's posterior mean base rate b_u, per day, in the log's member order
 * @param members        members fitted
 * @param visits         visits fitted (including each member's first)
 * @param evaluations    likelihood evaluations the optimiser used
 */
public record VisitModelFit(FitOptions options, double[] estimate, double[][] covariance, boolean[] atBound,
                            double logLikelihood,
                            double[] memberRates, int members, long visits, int evaluations) {

    VisitForm form() {
        return options.visitForm();
    }

    /** The estimates as a scenario names them, with delta-method standard errors. */
    public List<Estimate> estimates() {
        boolean[] free = form().free(options);
        return form().derived(estimate).stream().map(d -> {
            Estimate.Status status = Estimate.Status.ESTIMATED;
            for (int i = 0; i < d.gradient().length; i++) {
                if (d.gradient()[i] != 0 && !free[i]) {
                    status = Estimate.Status.FIXED;
                } else if (d.gradient()[i] != 0 && atBound[i] && status == Estimate.Status.ESTIMATED) {
                    status = Estimate.Status.AT_BOUND;
                }
            }
            if (status == Estimate.Status.ESTIMATED && (covariance == null || touchesUnidentified(d.gradient()))) {
                status = Estimate.Status.NOT_IDENTIFIED;
            }
            double se = status == Estimate.Status.ESTIMATED ? standardError(d.gradient()) : Double.NaN;
            return new Estimate(d.name(), d.value(), se, d.unit(), Double.isNaN(se) && status == Estimate.Status.ESTIMATED
                    ? Estimate.Status.NOT_IDENTIFIED : status);
        }).toList();
    }

    /** Whether the observed information was invertible, so that standard errors exist. */
    public boolean hasCovariance() {
        return covariance != null;
    }

    /** The value of one reported estimate by its YAML name. */
    public double value(String name) {
        return estimates().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no estimate " + name)).value();
    }

    /** The {@code world.visits} settings of the fitted model, in YAML names. */
    public Map<String, Object> visitsBlock() {
        return form().visitsBlock(estimate, options.window());
    }

    /** The {@code world.churn} settings of the fitted model, or null where churn was not fitted. */
    public Map<String, Object> churnBlock() {
        return form().churnBlock(estimate);
    }

    private boolean touchesUnidentified(double[] gradient) {
        for (int i = 0; i < gradient.length; i++) {
            if (gradient[i] != 0 && Double.isNaN(covariance[i][i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether some free coordinate could not be given a standard error. */
    public boolean fullyIdentified() {
        return covariance != null && estimates().stream().noneMatch(e -> e.status() == Estimate.Status.NOT_IDENTIFIED);
    }

    /** √(gᵀ Σ g). */
    private double standardError(double[] gradient) {
        double variance = 0;
        for (int i = 0; i < gradient.length; i++) {
            for (int j = 0; j < gradient.length; j++) {
                if (gradient[i] != 0 && gradient[j] != 0) {
                    variance += gradient[i] * covariance[i][j] * gradient[j];
                }
            }
        }
        return Math.sqrt(variance);
    }
}

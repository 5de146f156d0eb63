package dev.loopsim.users.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * A maximum-likelihood fit of the visit model.
 *
 * @param parameters     the estimates
 * @param options        what was fitted
 * @param covariance     inverse observed information in natural coordinates (see {@link FitParameters#toArray()});
 *                       rows and columns of fixed parameters are 0; null if the information was not invertible
 * @param logLikelihood  log L at the estimates, base rates integrated out
 * @param memberRates    each member's posterior mean base rate b_u, per day, in the log's member order
 * @param members        members fitted
 * @param visits         visits fitted (including each member's first)
 * @param evaluations    likelihood evaluations the optimiser used
 */
public record VisitModelFit(FitParameters parameters, FitOptions options, double[][] covariance, double logLikelihood,
                            double[] memberRates, int members, long visits, int evaluations) {

    /** Free parameters: the ones with standard errors. */
    public int freeParameters() {
        int k = 0;
        for (boolean free : options.free()) {
            k += free ? 1 : 0;
        }
        return k;
    }

    /** The estimates as a scenario names them, with delta-method standard errors. */
    public List<Estimate> estimates() {
        FitParameters p = parameters;
        List<Estimate> list = new ArrayList<>();
                list.add(estimate("excitation", p.excitation(), unit(FitParameters.EXCITATION, 1), ""));
        list.add(estimate("decay_days", p.decayDays(), unit(FitParameters.LOG_DECAY, p.decayDays()), "days"));
        list.add(estimate("daily_amplitude", p.dailyAmplitude(),
                amplitude(FitParameters.DAILY_COS, p.dailyCos(), p.dailySin()), ""));
        list.add(estimate("daily_peak_hour", p.dailyPeakHour(),
                phase(FitParameters.DAILY_COS, p.dailyCos(), p.dailySin(), 24), "hour"));
        list.add(estimate("weekly_amplitude", p.weeklyAmplitude(),
                amplitude(FitParameters.WEEKLY_COS, p.weeklyCos(), p.weeklySin()), ""));
        list.add(estimate("weekly_peak_day", p.weeklyPeakDay(),
                phase(FitParameters.WEEKLY_COS, p.weeklyCos(), p.weeklySin(), 7), "day (0 = Monday)"));
        list.add(estimate("visits_per_week_median", p.visitsPerWeekMedian(),
                unit(FitParameters.LOG_RATE_MEAN, p.visitsPerWeekMedian()), "visits/week"));
        list.add(estimate("visit_rate_sd_log", p.logRateSd(),
                unit(FitParameters.LOG_RATE_SD, p.logRateSd()), ""));
        return list;
    }

    private Estimate estimate(String name, double value, double[] gradient, String unit) {
        return new Estimate(name, value, standardError(gradient), unit);
    }

    /** √(gᵀ Σ g), or NaN if a fixed parameter is involved or there is no covariance. */
    double standardError(double[] gradient) {
        boolean[] free = options.free();
        double variance = 0;
        for (int i = 0; i < gradient.length; i++) {
            if (gradient[i] == 0) {
                continue;
            }
            if (!free[i] || covariance == null) {
                return Double.NaN;
            }
            for (int j = 0; j < gradient.length; j++) {
                variance += gradient[i] * covariance[i][j] * gradient[j];
            }
        }
        return Math.sqrt(variance);
    }

    private static double[] unit(int index, double scale) {
        double[] gradient = new double[FitParameters.COUNT];
        gradient[index] = scale;
        return gradient;
    }

    private static double[] amplitude(int cosIndex, double c, double s) {
        double[] gradient = new double[FitParameters.COUNT];
        double a = Math.hypot(c, s);
        gradient[cosIndex] = a == 0 ? 1 : c / a;
        gradient[cosIndex + 1] = a == 0 ? 1 : s / a;
        return gradient;
    }

    private static double[] phase(int cosIndex, double c, double s, double period) {
        double[] gradient = new double[FitParameters.COUNT];
        double a2 = c * c + s * s;
        double scale = period / (2 * Math.PI);
        gradient[cosIndex] = a2 == 0 ? Double.NaN : -s / a2 * scale;
        gradient[cosIndex + 1] = a2 == 0 ? Double.NaN : c / a2 * scale;
        return gradient;
    }
}

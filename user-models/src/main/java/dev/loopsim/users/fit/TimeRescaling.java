package dev.loopsim.users.fit;

import dev.loopsim.users.data.DataFileException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Goodness of fit by the time-rescaling theorem (Brown et al. 2002): under the right
 * intensity the compensator increments Λ(t_{j+1}) − Λ(t_j) between a member's visits are
 * independent Exp(1). Each member's Λ uses their posterior mean base rate; the gap after a
 * member's last visit is censored and left out.
 *
 * @param gaps           the rescaled gaps, sorted
 * @param ksStatistic    sup |F_n − F_Exp(1)|
 * @param ksPValue       the KS test's p-value, ignoring that the parameters were estimated (so conservative)
 * @param criticalValue  the statistic's 5% critical value for this many gaps, 1.358/√n
 */
public record TimeRescaling(double[] gaps, double ksStatistic, double ksPValue, double criticalValue) {

    public static TimeRescaling of(VisitLog log, VisitModelFit fit) {
        VisitLikelihood likelihood = VisitLikelihood.of(log, fit.options());
        VisitForm form = fit.form();
        double[] x = fit.estimate();
        Season season = form.season(x);
        List<MemberTrack> tracks = likelihood.tracks();
        int total = 0;
        for (MemberTrack track : tracks) {
            total += track.visits() - 1;
        }
        if (total < 2) {
            throw new DataFileException(log.source(), 0, "fitting needs at least two returns (visits after a member's first), found " + total);
        }
        double[] gaps = new double[total];
        int next = 0;
        for (int u = 0; u < tracks.size(); u++) {
            MemberTrack track = tracks.get(u);
            double[] rate = new double[track.visits()];
            double[] fixed = new double[track.visits()];
            form.member(track, x, season, fit.options().window(), rate, fixed);
            for (int j = 0; j + 1 < track.visits(); j++) {
                gaps[next++] = fit.memberRates()[u] * rate[j] + fixed[j];
            }
        }
        Arrays.sort(gaps);
        ExponentialDistribution exp = new ExponentialDistribution(null, 1);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double statistic = ks.kolmogorovSmirnovStatistic(exp, gaps);
        return new TimeRescaling(gaps, statistic, ks.kolmogorovSmirnovTest(exp, gaps, false), 1.358 / Math.sqrt(total));
    }

    /** Points of a QQ plot against Exp(1): {theoretical, observed} at the given number of evenly spaced probabilities. */
    public double[][] quantiles(int points) {
        int k = Math.min(points, gaps.length);
        double[][] qq = new double[k][2];
        for (int i = 0; i < k; i++) {
            double probability = (i + 0.5) / k;
            qq[i][0] = -Math.log(1 - probability);
            int index = Math.min(gaps.length - 1, (int) Math.floor(probability * gaps.length));
            qq[i][1] = gaps[index];
        }
        return qq;
    }
}

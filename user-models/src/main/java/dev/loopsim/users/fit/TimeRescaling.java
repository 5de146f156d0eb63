package dev.loopsim.users.fit;

import dev.loopsim.users.data.DataFileException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Goodness of fit by predictive time rescaling. Under the right model, each gap between a
 * member's visits, given everything before it, has survival S(g) = E[exp(−Λ(g)) | past], so
 * −log S of the observed gaps are independent Exp(1) (the time-rescaling theorem of Brown et al.
 * 2002, in its predictive form: the probability-integral transform of each gap's conditional law).
 * The member's base rate r is not known: the expectation is over its posterior given the visits
 * before the gap only, S = exp(−C_j)·E[exp(−r·I_j) | earlier returns], never over a rate fitted to
 * the gap itself. Plugging in each member's posterior mean from all their visits, as this check once
 * did, fits every gap to itself and rejected even the true model. The gap after a member's last
 * visit is censored and left out, so every gap seen is one that ended before the log did, and is
 * transformed given that: u = (1 − S(g))/(1 − S(to the end)). Taking seen gaps as unconditioned
 * draws, as this check also once did, reads them as too short (a long gap is likelier to run past
 * the end) and rejected loopsim's own visits. Where members may leave unseen (a fitted hazard of
 * churn), the survival of a gap is the chance of no visit through it, whether they stayed or left.
 *
 * @param gaps           the rescaled gaps −log S, sorted
 * @param ksStatistic    sup |F_n − F_Exp(1)|
 * @param ksPValue       the KS test's p-value (the population's few parameters are estimated, which
 *                       makes it slightly conservative; {@code GoodnessOfFitCalibrationTest} measures it)
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
        double mu = x[x.length - 2];
        double sigma = Math.exp(x[x.length - 1]);
        double[] gaps = new double[total];
        int[] offsets = new int[tracks.size()];
        for (int u = 1; u < tracks.size(); u++) {
            offsets[u] = offsets[u - 1] + tracks.get(u - 1).visits() - 1;
        }
        // Members in parallel, each into its own slice: the same gaps whatever the threads.
        java.util.stream.IntStream.range(0, tracks.size()).parallel().forEach(u -> {
            MemberTrack track = tracks.get(u);
            double[] rate = new double[track.visits()];
            double[] fixed = new double[track.visits()];
            // With churn, a gap's survival is a mixture: no visit through it, whether the member stayed or left.
            GapSurvival[][] survivals = form instanceof HazardChurnForm churn
                    ? churn.gapSurvivals(track, x, season, fit.options().window()) : null;
            // Without, the same pass that integrates each gap also integrates it on to the log's end.
            GapNodes toEnd = survivals == null ? nodesToEnd(track) : null;
            MemberLikelihood whole = form.member(track, x, season, fit.options().window(), rate, fixed, toEnd);
            double rateSoFar = 0;
            double fixedSoFar = 0;
            for (int j = 0; j + 1 < track.visits(); j++) {
                RateMarginal posterior = new RateMarginal(whole.firstReturns(j, rateSoFar, fixedSoFar), mu, sigma);
                gaps[offsets[u] + j] = survivals == null
                        ? conditionalGap(posterior.logMeanOfExp(rate[j]) - fixed[j],
                                posterior.logMeanOfExp(toEnd.layouts[j].atEnd(toEnd.boundaryRate[j]))
                                        - toEnd.layouts[j].atEnd(toEnd.boundaryFixed[j]))
                        : conditionalGap(posterior.logMeanOf(survivals[j][0]), posterior.logMeanOf(survivals[j][1]));
                rateSoFar += rate[j];
                fixedSoFar += fixed[j];
            }
        });
        Arrays.sort(gaps);
        ExponentialDistribution exp = new ExponentialDistribution(null, 1);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double statistic = ks.kolmogorovSmirnovStatistic(exp, gaps);
        return new TimeRescaling(gaps, statistic, ks.kolmogorovSmirnovTest(exp, gaps, false), 1.358 / Math.sqrt(total));
    }

    /** Nodes over each gap from its at-risk start to the log's end, as if no later visit came. */
    private static GapNodes nodesToEnd(MemberTrack track) {
        GapNodes nodes = new GapNodes(track.visits());
        for (int j = 0; j < track.visits(); j++) {
            nodes.request(j, Math.max(0, track.end - track.gapStart[j]));
        }
        return nodes;
    }

    /**
     * −log(1 − u) for u = P(gap ≤ observed | a next visit came before the log's end), from
     * log S(observed) and log S(end): a gap that is seen is one drawn given that it ended in time
     * (and with churn, that the member did return), u = (1 − S(observed))/(1 − S(end)).
     */
    static double conditionalGap(double logSurvival, double logSurvivalToEnd) {
        double ratio = Math.exp(logSurvivalToEnd - logSurvival); // S(end)/S(observed) ≤ 1
        return -(logSurvival + Math.log1p(-Math.min(ratio, 1)) - Math.log1p(-Math.exp(logSurvivalToEnd)));
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

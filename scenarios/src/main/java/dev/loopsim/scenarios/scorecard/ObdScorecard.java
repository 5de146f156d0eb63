package dev.loopsim.scenarios.scorecard;

import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.results.ope.BanditLog;
import dev.loopsim.results.ope.Estimators;
import dev.loopsim.results.ope.LoggedPolicy;
import dev.loopsim.results.ope.OfflineEvaluation;
import dev.loopsim.results.ope.OpeEstimate;
import dev.loopsim.results.ope.OpenBanditDataset;
import dev.loopsim.results.stats.Binomial;
import dev.loopsim.scenarios.fit.ClickLogs;
import dev.loopsim.users.fit.ClickLog;
import dev.loopsim.users.fit.ClickModel;
import dev.loopsim.users.fit.ClickModelFitter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The Open Bandit Dataset part of the scorecard. Its sample holds both arms of one real A/B test,
 * uniform random and Bernoulli Thompson sampling (BTS), 10,000 rounds each per campaign. Train on
 * one arm's log, then forecast the other arm's click rate four ways:
 * <ul>
 * <li>the fitted simulator: the click model fitted to the training log (averaged over the prior
 *     widths by their cross-validated likelihood), shown what the other arm's
 *     policy showed in each of its rounds (random: every item alike; BTS: its action distribution at
 *     that time and position, rebuilt from its logged propensities by {@link LoggedPolicy}), for that
 *     round's member context. Its interval is a prediction interval for the observed rate: parameter
 *     draws from the fit's covariance, each followed by the arm's rounds simulated click by click;</li>
 * <li>off-policy estimates from the training log: IPS, SNIPS, DR, with their own intervals;</li>
 * <li>the naive forecast: the training arm's own rate, with its exact interval.</li>
 * </ul>
 * The other arm's clicks are never used, only its policy's action distribution and its rounds'
 * contexts, times and positions.
 */
public final class ObdScorecard {
    public static final List<String> ARMS = List.of("random", "bts");
    public static final List<String> CAMPAIGNS = List.of("men", "women");

    /** One forecast of one arm from the other. */
    public record Line(String campaign, String trained, String forecast, int rounds, int clicks, double observed,
                       double observedLower, double observedUpper, double trainedRate, List<Forecast> forecasts) { }

    private ObdScorecard() { }

    /** Every campaign, both ways. */
    public static List<Line> all(Path data, int draws, long seed) {
        List<Line> lines = new ArrayList<>();
        for (String campaign : CAMPAIGNS) {
            for (String trained : ARMS) {
                String forecast = ARMS.get(1 - ARMS.indexOf(trained));
                lines.add(line(data, campaign, trained, forecast, draws, seed));
            }
        }
        return lines;
    }

    static Path log(Path data, String arm, String campaign) {
        return data.resolve(arm).resolve(campaign);
    }

    public static Line line(Path data, String campaign, String trained, String forecast, int draws, long seed) {
        BanditLog training = OpenBanditDataset.read(OpenBanditDataset.locate(log(data, trained, campaign)));
        Path forecastPath = OpenBanditDataset.locate(log(data, forecast, campaign));
        BanditLog other = OpenBanditDataset.read(forecastPath);
        int actions = Math.max(training.actions(), other.actions());
        int n = other.rows().size();
        int clicks = (int) other.rows().stream().filter(r -> r.reward() > 0).count();
        double observed = (double) clicks / n;
        int trainClicks = (int) training.rows().stream().filter(r -> r.reward() > 0).count();
        int trainRounds = training.rows().size();
        double naive = (double) trainClicks / trainRounds;

        List<Forecast> forecasts = new ArrayList<>();
        ClickLog clickLog = ClickLogs.of(training);
        List<ClickModelFitter.Weighted> models = ClickModelFitter.averaged(clickLog);
        double[][] shown = shown(other, forecast.equals("random") ? null : LoggedPolicy.of(other, actions), actions);
        forecasts.add(simulated(models, clickLog, other, shown, draws,
                RandomStreams.of(seed, 0).forWorld("scorecard/" + campaign + "/" + trained), observed, naive));
        String target = forecast.equals("random") ? "uniform" : "logged:" + forecastPath;
        var estimators = Estimators.all();
        OfflineEvaluation ope = OfflineEvaluation.run(training, 0, List.of(target),
                List.of(find(estimators, "ips"), find(estimators, "snips"), find(estimators, "dr")));
        for (OfflineEvaluation.Result result : ope.results()) {
            OpeEstimate e = result.estimate();
            forecasts.add(new Forecast("off-policy " + e.estimator(), e.value(), e.lower(), e.upper(), observed, naive));
        }
        forecasts.add(new Forecast("naive (" + trained + "'s own rate)", naive, Binomial.lowerBound(trainClicks, trainRounds, 0.975),
                Binomial.upperBound(trainClicks, trainRounds, 0.975), observed, Double.NaN));
        return new Line(campaign, trained, forecast, n, clicks, observed, Binomial.lowerBound(clicks, n, 0.975),
                Binomial.upperBound(clicks, n, 0.975), naive, forecasts);
    }

    private static dev.loopsim.results.ope.Estimator find(List<dev.loopsim.results.ope.Estimator> all, String name) {
        return all.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    /** Per round, the probability the forecast arm's policy showed each item in that round's position. */
    private static double[][] shown(BanditLog other, LoggedPolicy policy, int actions) {
        double[][] p = new double[other.rows().size()][];
        for (int r = 0; r < p.length; r++) {
            if (policy == null) {
                p[r] = new double[actions];
                Arrays.fill(p[r], 1.0 / actions);
            } else {
                p[r] = policy.probabilities(other.rows().get(r));
            }
        }
        return p;
    }

    /**
     * The fitted simulator's expected click rate on the other arm's rounds, and the 2.5% and 97.5%
     * quantiles of the rate simulated over parameter draws: each draw picks a prior width by its
     * weight, then parameters from that fit's covariance, then every round's click from its
     * probability. The expected rate is the mixture's.
     */
    static Forecast simulated(List<ClickModelFitter.Weighted> models, ClickLog training, BanditLog other, double[][] shown,
                                      int draws, UniformRandomProvider random, double observed, double naive) {
        int n = other.rows().size();
        int[] slot = new int[n];
        int[] context = new int[n];
        List<Integer> positions = new ArrayList<>(new java.util.TreeSet<>(other.rows().stream().map(BanditLog.Row::position).toList()));
        int slots = models.get(0).model().slots();
        for (int r = 0; r < n; r++) {
            BanditLog.Row row = other.rows().get(r);
            slot[r] = Math.min(positions.indexOf(row.position()), slots - 1);
            context[r] = training.contexts().indexOf(row.context() == null ? "" : row.context());
        }
        double expected = 0;
        RealMatrix[] factors = new RealMatrix[models.size()];
        for (int k = 0; k < models.size(); k++) {
            ClickModel model = models.get(k).model();
            expected += models.get(k).weight() * mean(roundProbabilities(model, shown, slot, context));
            factors[k] = new CholeskyDecomposition(new Array2DRowRealMatrix(model.covariance()), 1e-12, 1e-300).getL();
        }
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        double[] rates = new double[draws];
        double[] z = new double[models.get(0).model().parameters().length];
        for (int d = 0; d < draws; d++) {
            double pick = random.nextDouble();
            int k = 0;
            while (k < models.size() - 1 && (pick -= models.get(k).weight()) >= 0) {
                k++;
            }
            for (int i = 0; i < z.length; i++) {
                z[i] = gaussian.sample();
            }
            double[] p = roundProbabilities(models.get(k).model().draw(factors[k], z), shown, slot, context);
            int clicks = 0;
            for (double q : p) {
                clicks += random.nextDouble() < q ? 1 : 0;
            }
            rates[d] = (double) clicks / n;
        }
        Arrays.sort(rates);
        return new Forecast("fitted simulator", expected, quantile(rates, 0.025), quantile(rates, 0.975), observed, naive);
    }

    /** Each round's click probability: θ_slot · Σ_a Pr(shown a) · attraction(a, context). */
    private static double[] roundProbabilities(ClickModel model, double[][] shown, int[] slot, int[] context) {
        double[][] attraction = new double[model.contexts() + 1][model.items()];
        for (int c = -1; c < model.contexts(); c++) {
            for (int a = 0; a < model.items(); a++) {
                attraction[c + 1][a] = model.attraction(a, c);
            }
        }
        double[] p = new double[shown.length];
        for (int r = 0; r < p.length; r++) {
            double[] row = attraction[context[r] + 1];
            double sum = 0;
            for (int a = 0; a < Math.min(row.length, shown[r].length); a++) {
                sum += shown[r][a] * row[a];
            }
            p[r] = model.examination(slot[r]) * sum;
        }
        return p;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}

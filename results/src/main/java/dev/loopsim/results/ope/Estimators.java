package dev.loopsim.results.ope;

import dev.loopsim.results.stats.Binomial;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The registered estimators, with Open Bandit Pipeline's definitions (w_i = π(a_i|x_i)/π₀(a_i|x_i),
 * q̂ the reward model, q̂(x_i, π) = Σ_a π(a|x_i)·q̂(x_i, a)):
 * <ul>
 * <li>{@code replay} (Li et al. 2011): Σ π(a_i|x_i)·r_i / Σ π(a_i|x_i), the mean reward where the
 *     target agrees with the log. Unbiased only when the logging policy is uniform.</li>
 * <li>{@code ips}: mean of w_i·r_i. Unbiased; high variance.</li>
 * <li>{@code ips-clipped}: mean of min(w_i, λ)·r_i (λ = {@link Settings#clip}): less variance, biased down.</li>
 * <li>{@code snips}: Σ w_i·r_i / Σ w_i. Slightly biased, far less variance.</li>
 * <li>{@code dm}: mean of q̂(x_i, π). As good as the reward model.</li>
 * <li>{@code dr} (Dudík et al. 2011): dm plus the weighted residual w_i·(r_i − q̂(x_i, a_i)).
 *     Unbiased if either the propensities or the model are right.</li>
 * <li>{@code sndr}: dm plus Σ w_i·(r_i − q̂(x_i, a_i)) / Σ w_i: dr self-normalised.</li>
 * <li>{@code dr-os} (Su et al. 2020): dr with each weight shrunk to λw/(w² + λ) (λ = {@link Settings#shrinkage}).</li>
 * <li>{@code switch-dr} (Wang et al. 2017): dr, with the residual kept only where w_i ≤ τ
 *     (τ = {@link Settings#switchThreshold}): the model stands in for large weights.</li>
 * </ul>
 * Every estimate is mean(m_i) + Σ n_i / Σ d_i for per-round terms m, n, d, which gives one
 * influence function, (m_i − M) + (n_i − R·d_i)/mean(d), for the standard error of all of them.
 *
 * <p><b>Intervals.</b> For rewards in [0, 1] (clicks, plays) an interval must hold with few or no
 * events, where a normal interval collapses to [0, 0] and the bootstrap does too (every resample has
 * no event). Replay's is the exact Clopper–Pearson interval of its events among the rounds the target
 * agrees with (for a stochastic target, among their effective count, Kish's (Σπ)²/Σπ²). The others
 * use Clopper–Pearson on an effective count (Korn and Graubard 1998): n* = v(1 − v)/se², at most the
 * weights' effective sample size, and that size itself when v is 0 or 1, so no events among n* give
 * the exact zero-event bound. An empirical-Bernstein bound would hold too, but its range term grows
 * with the largest weight and is many times wider on real logs. Rewards outside [0, 1] get the normal
 * interval. The interval is conditional on the reward model for dm (and on it or the propensities for
 * the dr family): it holds when the model is right.
 */
public final class Estimators {
    static final double Z_95 = 1.959963984540054;
    static final double LEVEL = 0.95;
    /** Below this share of the rounds, the weights' effective sample size draws a warning. */
    static final double LOW_OVERLAP = 0.1;
    /** Target mass below this on unsupported actions is rounding, not behaviour. */
    static final double SUPPORT_TOLERANCE = 1e-9;

    /**
     * The estimators' settings, as Open Bandit Pipeline names them {@code lambda_}.
     *
     * @param clip            ips-clipped's cap on a weight
     * @param switchThreshold switch-dr's τ: residuals of larger weights are left to the model
     * @param shrinkage       dr-os's λ: a weight w counts λw/(w² + λ), so w = √λ counts half
     */
    public record Settings(double clip, double switchThreshold, double shrinkage) {
        public static final Settings DEFAULTS = new Settings(10, 10, 100);

        public Settings {
            for (double value : new double[] {clip, switchThreshold, shrinkage}) {
                if (!(value > 0) || Double.isNaN(value)) {
                    throw new IllegalArgumentException("clip, switch threshold and shrinkage must be > 0, found " + value);
                }
            }
        }
    }

    /** How an estimator uses the log, which decides what unsupported target mass does to it. */
    private enum Reliance { WEIGHTS, MODEL_AND_WEIGHTS, MODEL }

    private Estimators() { }

    public static List<Estimator> all() {
        return all(Settings.DEFAULTS);
    }

    public static List<Estimator> all(Settings s) {
        double clip = s.clip();
        double tau = s.switchThreshold();
        double lambda = s.shrinkage();
        return List.of(
                new Form("replay", Reliance.WEIGHTS, r -> 0, r -> r.target()[r.action()] * r.reward(), r -> r.target()[r.action()],
                        r -> r.target()[r.action()]),
                new Form("ips", Reliance.WEIGHTS, r -> 0, r -> r.weight() * r.reward(), r -> 1, LoggedRound::weight),
                new Form("ips-clipped", Reliance.WEIGHTS, r -> 0, r -> Math.min(r.weight(), clip) * r.reward(), r -> 1,
                        r -> Math.min(r.weight(), clip)),
                new Form("snips", Reliance.WEIGHTS, r -> 0, r -> r.weight() * r.reward(), LoggedRound::weight, LoggedRound::weight),
                new Form("dm", Reliance.MODEL, LoggedRound::modelValue, r -> 0, r -> 1, r -> 1),
                new Form("dr", Reliance.MODEL_AND_WEIGHTS, LoggedRound::modelValue, r -> r.weight() * residual(r), r -> 1,
                        LoggedRound::weight),
                new Form("sndr", Reliance.MODEL_AND_WEIGHTS, LoggedRound::modelValue, r -> r.weight() * residual(r),
                        LoggedRound::weight, LoggedRound::weight),
                new Form("dr-os", Reliance.MODEL_AND_WEIGHTS, LoggedRound::modelValue, r -> shrunk(r.weight(), lambda) * residual(r),
                        r -> 1, r -> shrunk(r.weight(), lambda)),
                new Form("switch-dr", Reliance.MODEL_AND_WEIGHTS, LoggedRound::modelValue,
                        r -> r.weight() <= tau ? r.weight() * residual(r) : 0, r -> 1, r -> r.weight() <= tau ? r.weight() : 0));
    }

    public static List<String> names() {
        return all().stream().map(Estimator::name).toList();
    }

    public static Optional<Estimator> find(String name) {
        return find(name, Settings.DEFAULTS);
    }

    public static Optional<Estimator> find(String name, Settings settings) {
        return all(settings).stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static double residual(LoggedRound r) {
        return r.reward() - r.predictedLogged();
    }

    /** DR-os's shrunk weight λw/(w² + λ). */
    private static double shrunk(double w, double lambda) {
        return lambda * w / (w * w + lambda);
    }

    /** How far an estimate can be relied on, and why not. */
    record Verdict(OpeEstimate.Status status, String warning) {
        static final Verdict OK = new Verdict(OpeEstimate.Status.OK, "");

        /** Little overlap when the weights' effective sample size is under {@link #LOW_OVERLAP} of what was evaluated. */
        static Verdict ofOverlap(OpeEstimate.Diagnostics d, String unit) {
            if (d.effectiveSampleSize() >= LOW_OVERLAP * d.rounds()) {
                return OK;
            }
            return new Verdict(OpeEstimate.Status.LOW_OVERLAP, String.format(Locale.ROOT, "little overlap: the weights' "
                    + "effective sample size is %.0f of %d %s (largest weight %.3g)", d.effectiveSampleSize(), d.rounds(), unit,
                    d.maxWeight()));
        }
    }

    /**
     * An estimate with its interval (see the class comment): for rewards in [0, 1], Clopper–Pearson
     * on the effective count (exactly on it when {@code exact}), else normal.
     *
     * @param se        the estimate's standard error
     * @param effective the weights' effective sample size, which caps the effective count
     */
    static OpeEstimate withInterval(String name, double value, double se, double effective, boolean bounded, boolean exact,
                                    long used, OpeEstimate.Diagnostics diagnostics, Verdict verdict) {
        if (!bounded) {
            return new OpeEstimate(name, value, value, value - Z_95 * se, value + Z_95 * se, used, OpeEstimate.NORMAL,
                    diagnostics, verdict.status(), verdict.warning());
        }
        double kept = Math.max(0, Math.min(1, value));
        double count = exact ? Math.max(1, effective) : effectiveCount(kept, se, effective);
        double events = kept * count;
        double alpha = (1 - LEVEL) / 2;
        return new OpeEstimate(name, kept, value, Binomial.lowerBound(events, count, 1 - alpha),
                Binomial.upperBound(events, count, 1 - alpha), used,
                exact ? OpeEstimate.CLOPPER_PEARSON : OpeEstimate.EFFECTIVE_COUNT, diagnostics, verdict.status(), verdict.warning());
    }

    /** n* = v(1 − v)/se², at most the weights' effective count, which stands in when v is 0 or 1. */
    private static double effectiveCount(double v, double se, double effective) {
        if (v > 0 && v < 1 && se > 0 && Double.isFinite(se)) {
            return Math.max(1, Math.min(effective, v * (1 - v) / (se * se)));
        }
        return Math.max(1, effective);
    }

    /** Kish's effective sample size (Σg)²/Σg² of per-round weights; 0 when all are 0. */
    static double effectiveSize(double sum, double squares) {
        return squares > 0 ? sum * sum / squares : 0;
    }

    /** The weights' diagnostics over the rounds. */
    static OpeEstimate.Diagnostics diagnostics(List<LoggedRound> rounds) {
        double sum = 0;
        double squares = 0;
        double max = 0;
        double unsupported = 0;
        for (LoggedRound r : rounds) {
            double w = r.weight();
            sum += w;
            squares += w * w;
            max = Math.max(max, w);
            unsupported += r.unsupported();
        }
        int n = rounds.size();
        return new OpeEstimate.Diagnostics(squares > 0 ? sum * sum / squares : 0, max, n == 0 ? Double.NaN : unsupported / n, n);
    }

    /** mean(m) + Σn/Σd, for per-round terms m, n and d, with k the weights whose effective count bounds the interval's. */
    private record Form(String name, Reliance reliance, ToDoubleFunction<LoggedRound> m, ToDoubleFunction<LoggedRound> n,
                        ToDoubleFunction<LoggedRound> d, ToDoubleFunction<LoggedRound> k) implements Estimator {

        @Override
        public boolean needsRewardModel() {
            return reliance != Reliance.WEIGHTS;
        }

        @Override
        public OpeEstimate estimate(List<LoggedRound> rounds) {
            int size = rounds.size();
            OpeEstimate.Diagnostics diagnostics = diagnostics(rounds);
            if (size == 0) {
                return OpeEstimate.none(name, diagnostics, OpeEstimate.Status.REFUSED, "no rounds to evaluate");
            }
            if (needsRewardModel() && rounds.stream().anyMatch(r -> r.predicted() == null)) {
                throw new IllegalArgumentException(name + " needs a reward model's prediction for every round");
            }
            if (reliance == Reliance.WEIGHTS && diagnostics.unsupportedMass() > SUPPORT_TOLERANCE) {
                return OpeEstimate.none(name, diagnostics, OpeEstimate.Status.REFUSED, String.format(Locale.ROOT,
                        "refused: the target puts %.3g%% of its probability on actions the log never takes there, which no "
                                + "weight can see; only the model-based estimators (dm, and dr's kin, unreliably) can guess it",
                        100 * diagnostics.unsupportedMass()));
            }
            double sumM = 0;
            double sumN = 0;
            double sumD = 0;
            double sumK = 0;
            double sumKSquares = 0;
            long used = 0;
            boolean bounded = true;
            for (LoggedRound r : rounds) {
                double dr = d.applyAsDouble(r);
                double kr = k.applyAsDouble(r);
                sumM += m.applyAsDouble(r);
                sumN += n.applyAsDouble(r);
                sumD += dr;
                sumK += kr;
                sumKSquares += kr * kr;
                used += dr > 0 ? 1 : 0;
                bounded &= r.reward() >= 0 && r.reward() <= 1;
            }
            if (sumD <= 0) {
                return OpeEstimate.none(name, diagnostics, OpeEstimate.Status.REFUSED,
                        "the target never agrees with the log, so there is nothing to average");
            }
            double meanM = sumM / size;
            double ratio = sumN / sumD;
            double value = meanM + ratio;
            double meanD = sumD / size;
            double squares = 0;
            for (LoggedRound r : rounds) {
                double influence = (m.applyAsDouble(r) - meanM) + (n.applyAsDouble(r) - ratio * d.applyAsDouble(r)) / meanD;
                squares += influence * influence;
            }
            double se = size > 1 ? Math.sqrt(squares / (size - 1) / size) : Double.POSITIVE_INFINITY;
            double effective = sumKSquares > 0 ? effectiveSize(sumK, sumKSquares) : size;
            return withInterval(name, value, se, effective, bounded, name.equals("replay"), used, diagnostics,
                    verdict(diagnostics, rounds));
        }

        private Verdict verdict(OpeEstimate.Diagnostics diagnostics, List<LoggedRound> rounds) {
            if (name.equals("replay")) {
                double low = rounds.stream().mapToDouble(LoggedRound::propensity).min().orElse(1);
                double high = rounds.stream().mapToDouble(LoggedRound::propensity).max().orElse(1);
                if (high > low * (1 + 1e-9)) {
                    return new Verdict(OpeEstimate.Status.UNRELIABLE, String.format(Locale.ROOT, "biased: replay assumes a "
                            + "uniform logging policy, and this log's propensities range from %.3g to %.3g; prefer ips or snips",
                            low, high));
                }
            }
            if (reliance != Reliance.WEIGHTS && diagnostics.unsupportedMass() > SUPPORT_TOLERANCE) {
                return new Verdict(OpeEstimate.Status.UNRELIABLE, String.format(Locale.ROOT, "unreliable: %.3g%% of the "
                        + "target's probability is on actions the log never takes there, which only the reward model speaks "
                        + "for", 100 * diagnostics.unsupportedMass()));
            }
            return reliance == Reliance.MODEL ? Verdict.OK : Verdict.ofOverlap(diagnostics, "rounds");
        }
    }
}

package dev.loopsim.results.ope;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The registered estimators:
 * <ul>
 * <li>{@code replay} (Li et al. 2011): the mean reward of the rounds where the target agrees with
 *     the log, each weighted by π(a_i|x_i). Unbiased only when the logging policy is uniform.</li>
 * <li>{@code ips}: mean of w_i·r_i, w_i = π(a_i|x_i)/π₀(a_i|x_i). Unbiased; high variance.</li>
 * <li>{@code snips}: Σ w_i·r_i / Σ w_i. Slightly biased, far less variance.</li>
 * <li>{@code dm}: mean of Σ_a π(a|x_i)·q̂(x_i, a). As good as the reward model.</li>
 * <li>{@code dr} (Dudík et al. 2011): dm plus the IPS-weighted residual w_i·(r_i − q̂(x_i, a_i)).
 *     Unbiased if either the propensities or the model are right.</li>
 * <li>{@code switch-dr} (Wang et al. 2017): dr, with the residual kept only where w_i ≤ τ
 *     (τ = {@link #SWITCH_THRESHOLD}): caps the variance of large weights with the model.</li>
 * </ul>
 */
public final class Estimators {
    /** Switch-DR's weight threshold τ. */
    public static final double SWITCH_THRESHOLD = 10;
    static final double Z_95 = 1.959963984540054;

    private static final List<Estimator> ALL = List.of(
            new RatioEstimator("replay", r -> r.target()[r.action()] * r.reward(), r -> r.target()[r.action()]),
            new MeanEstimator("ips", false, r -> r.weight() * r.reward()),
            new RatioEstimator("snips", r -> r.weight() * r.reward(), LoggedRound::weight),
            new MeanEstimator("dm", true, LoggedRound::modelValue),
            new MeanEstimator("dr", true, r -> r.modelValue() + r.weight() * (r.reward() - r.predictedLogged())),
            new MeanEstimator("switch-dr", true, r -> r.modelValue()
                    + (r.weight() <= SWITCH_THRESHOLD ? r.weight() * (r.reward() - r.predictedLogged()) : 0)));

    private Estimators() { }

    public static List<Estimator> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Estimator::name).toList();
    }

    public static Optional<Estimator> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The mean of a per-round contribution, with a normal interval. */
    private record MeanEstimator(String name, boolean needsRewardModel, ToDoubleFunction<LoggedRound> contribution)
            implements Estimator {
        @Override
        public OpeEstimate estimate(List<LoggedRound> rounds) {
            int n = rounds.size();
            if (n == 0) {
                return new OpeEstimate(name, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            if (needsRewardModel && rounds.stream().anyMatch(r -> r.predicted() == null)) {
                throw new IllegalArgumentException(name + " needs a reward model's prediction for every round");
            }
            double mean = 0;
            for (LoggedRound r : rounds) {
                mean += contribution.applyAsDouble(r) / n;
            }
            double squares = 0;
            for (LoggedRound r : rounds) {
                double d = contribution.applyAsDouble(r) - mean;
                squares += d * d;
            }
            double se = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Double.POSITIVE_INFINITY;
            return new OpeEstimate(name, mean, mean - Z_95 * se, mean + Z_95 * se, n);
        }
    }

    /**
     * Σ numerator / Σ denominator, with the delta-method interval: its influence function is
     * (num_i − V·den_i) / mean(den).
     */
    private record RatioEstimator(String name, ToDoubleFunction<LoggedRound> numerator,
                                  ToDoubleFunction<LoggedRound> denominator) implements Estimator {
        @Override
        public OpeEstimate estimate(List<LoggedRound> rounds) {
            double num = 0;
            double den = 0;
            long used = 0;
            for (LoggedRound r : rounds) {
                double d = denominator.applyAsDouble(r);
                num += numerator.applyAsDouble(r);
                den += d;
                used += d > 0 ? 1 : 0;
            }
            int n = rounds.size();
            if (den <= 0) {
                return new OpeEstimate(name, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double value = num / den;
            double meanDen = den / n;
            double squares = 0;
            for (LoggedRound r : rounds) {
                double influence = (numerator.applyAsDouble(r) - value * denominator.applyAsDouble(r)) / meanDen;
                squares += influence * influence;
            }
            double se = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Double.POSITIVE_INFINITY;
            return new OpeEstimate(name, value, value - Z_95 * se, value + Z_95 * se, used);
        }
    }
}

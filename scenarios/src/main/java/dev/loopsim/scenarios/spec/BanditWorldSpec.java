package dev.loopsim.scenarios.spec;

import dev.loopsim.core.ParameterException;
import dev.loopsim.core.Validate;
import java.util.List;

/**
 * A classic bandit world instead of members and pages, for algorithm-level checks: each cell
 * names a {@code policy} and plays {@code steps} pulls; regret is reported at log-spaced horizons.
 *
 * @param type      {@code bernoulli}: K arms with the given means; {@code linear}: {@code arms} arms
 *                  paying Bernoulli(θ_aᵀx) on a context x drawn from the simplex each step
 * @param means     the arms' means (bernoulli)
 * @param arms      number of arms (linear)
 * @param dimension context dimension (linear)
 * @param steps     pulls per run
 */
public record BanditWorldSpec(String type, List<Double> means, int arms, int dimension, long steps) {
    public static final BanditWorldSpec DEFAULTS = new BanditWorldSpec("bernoulli", List.of(0.3, 0.5, 0.7), 5, 5, 10_000);

    public BanditWorldSpec {
        if (!"bernoulli".equals(type) && !"linear".equals(type)) {
            throw new ParameterException("type", "type must be bernoulli or linear, found '" + type + "'");
        }
        means = means == null ? List.of() : List.copyOf(means);
        if (type.equals("bernoulli")) {
            if (means.size() < 2) {
                throw new ParameterException("means", "a bernoulli bandit needs the means of at least two arms, e.g. [0.3, 0.5, 0.7]");
            }
            for (int i = 0; i < means.size(); i++) {
                Validate.inRange("means[" + i + "]", means.get(i), 0, 1);
            }
        } else {
            Validate.atLeast("arms", arms, 2);
            Validate.atLeast("dimension", dimension, 1);
        }
        if (steps < 10) {
            throw new ParameterException("steps", "steps must be at least 10, found " + steps);
        }
    }

    /** Log-spaced horizons: 10, 20, 50, 100, 200, 500, … below {@code steps}; steps / 10; and {@code steps} itself. */
    public long[] checkpoints() {
        java.util.SortedSet<Long> points = new java.util.TreeSet<>();
        for (long decade = 10; decade < steps; decade *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * decade < steps) {
                    points.add(m * decade);
                }
            }
        }
        points.add(steps / 10);
        points.add(steps);
        return points.stream().mapToLong(Long::longValue).toArray();
    }

    public int armCount() {
        return type.equals("bernoulli") ? means.size() : arms;
    }
}

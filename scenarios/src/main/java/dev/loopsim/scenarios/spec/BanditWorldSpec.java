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
 * @param changes   (bernoulli) when the means change: a non-stationary world; empty for a stationary one
 */
public record BanditWorldSpec(Kind type, List<Double> means, int arms, int dimension, long steps, List<Change> changes) {
    public static final BanditWorldSpec DEFAULTS = new BanditWorldSpec(Kind.BERNOULLI, List.of(0.3, 0.5, 0.7), 5, 5, 10_000, List.of());

    /** The bandit worlds there are. */
    public enum Kind {
        /** K arms, each paying 1 with its own fixed (or switching) probability. */
        BERNOULLI,
        /** Arms with feature vectors in a context; the expected reward is linear in them. */
        LINEAR
    }

    /**
     * From step {@code at} on, the arms' means are {@code means}.
     *
     * @param at    the first step of the new means, in (1, steps]
     * @param means one per arm, each in [0, 1]
     */
    public record Change(long at, List<Double> means) { }

    public BanditWorldSpec {
        dev.loopsim.core.Keys.required(Kind.class, "type", type);
        means = means == null ? List.of() : List.copyOf(means);
        if (type == Kind.BERNOULLI) {
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
        changes = changes == null ? List.of() : List.copyOf(changes);
        if (!changes.isEmpty() && type != Kind.BERNOULLI) {
            throw new ParameterException("changes", "changes apply to a bernoulli bandit's means; a linear bandit has none");
        }
        long previous = 1;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (change == null || change.means() == null) {
                throw new ParameterException("changes[" + i + "]", "a change needs 'at' (a step) and 'means'");
            }
            if (change.at() <= previous || change.at() > steps) {
                throw new ParameterException("changes[" + i + "].at", "changes must come at ascending steps in (" + previous
                        + ", " + steps + "], found " + change.at());
            }
            if (change.means().size() != means.size()) {
                throw new ParameterException("changes[" + i + "].means", "one mean per arm: " + means.size() + " expected, found "
                        + change.means().size());
            }
            for (int a = 0; a < change.means().size(); a++) {
                Validate.inRange("changes[" + i + "].means[" + a + "]", change.means().get(a), 0, 1);
            }
            previous = change.at();
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

    /** The means in each phase, the stationary world's one phase first. */
    public double[][] phaseMeans() {
        double[][] phases = new double[changes.size() + 1][];
        phases[0] = means.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < changes.size(); i++) {
            phases[i + 1] = changes.get(i).means().stream().mapToDouble(Double::doubleValue).toArray();
        }
        return phases;
    }

    /** The first step of each phase. */
    public long[] phaseStarts() {
        long[] starts = new long[changes.size() + 1];
        starts[0] = 1;
        for (int i = 0; i < changes.size(); i++) {
            starts[i + 1] = changes.get(i).at();
        }
        return starts;
    }

    public int armCount() {
        return type == Kind.BERNOULLI ? means.size() : arms;
    }
}

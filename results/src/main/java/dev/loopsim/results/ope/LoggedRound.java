package dev.loopsim.results.ope;

import java.util.Objects;

/**
 * One logged decision, seen by a target policy and a reward model.
 *
 * @param action          the action the logging policy took, in [0, actions)
 * @param reward          what it got
 * @param propensity      the logging policy's probability of that action, in (0, 1]
 * @param target          the target policy's probability of each action in this round's context (sums to 1)
 * @param predicted       the reward model's prediction for each action in this context, or null without one
 * @param unsupported     the target's probability, in this round, on actions the logging policy never takes
 */
public record LoggedRound(int action, double reward, double propensity, double[] target, double[] predicted, double unsupported) {

    /** A round whose logging policy may take every action. */
    public LoggedRound(int action, double reward, double propensity, double[] target, double[] predicted) {
        this(action, reward, propensity, target, predicted, 0);
    }

    /**
     * The target's mass outside what the logger can take: nothing but the logged action when its
     * propensity is 1, else outside {@code support} (the actions the logger takes in this context).
     */
    public static double unsupported(double[] target, int action, double propensity, java.util.function.IntPredicate support) {
        double mass = 0;
        for (int a = 0; a < target.length; a++) {
            if (target[a] > 0 && (propensity >= 1 ? a != action : !support.test(a))) {
                mass += target[a];
            }
        }
        return mass;
    }

    public LoggedRound {
        Objects.requireNonNull(target, "target");
        if (action < 0 || action >= target.length) {
            throw new IllegalArgumentException("action must be in [0, " + target.length + "), found " + action);
        }
        if (!(propensity > 0 && propensity <= 1)) {
            throw new IllegalArgumentException("propensity must be in (0, 1], found " + propensity);
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be finite, found " + reward);
        }
        if (predicted != null && predicted.length != target.length) {
            throw new IllegalArgumentException("one prediction per action: " + target.length + " expected, found " + predicted.length);
        }
    }

    /** π(a_i | x_i) / π₀(a_i | x_i). */
    public double weight() {
        return target[action] / propensity;
    }

    /** Σ_a π(a | x_i)·q̂(x_i, a): the reward model's value of the target in this context. */
    public double modelValue() {
        double sum = 0;
        for (int a = 0; a < target.length; a++) {
            sum += target[a] * predicted[a];
        }
        return sum;
    }

    /** q̂(x_i, a_i). */
    public double predictedLogged() {
        return predicted[action];
    }
}

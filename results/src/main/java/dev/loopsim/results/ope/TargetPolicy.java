package dev.loopsim.results.ope;

import java.util.Arrays;
import java.util.Locale;

/**
 * A policy to evaluate offline: its probability of each action given a logged round's context.
 * Specs on the command line:
 * <ul>
 * <li>{@code uniform}: every action alike;</li>
 * <li>{@code greedy-affinity}: the action the member has the most logged affinity to (ties split evenly);</li>
 * <li>{@code epsilon-greedy:E}: greedy-affinity with probability 1 − E, uniform with E;</li>
 * <li>{@code item-greedy}: the action with the best reward rate on the training split, for everyone;</li>
 * <li>{@code contextual-greedy}: the action with the best rate in the round's context on the training
 *     split (a contextual bandit trained offline, exploiting);</li>
 * <li>{@code item:ID}: always action ID;</li>
 * <li>{@code logged:PATH}: the policy that logged the Open Bandit Dataset file PATH, rebuilt from its
 *     propensities (see {@link LoggedPolicy}): on OBD's random log, {@code logged:data/obd-sample/bts/men}
 *     is Bernoulli Thompson sampling.</li>
 * </ul>
 */
public interface TargetPolicy {
    String name();

    double[] probabilities(BanditLog.Row row);

    /** A target from its spec, with the reward model fitted on the training split for the learned ones. */
    static TargetPolicy parse(String spec, int actions, RewardModel trained) {
        String[] parts = spec.trim().split(":", 2);
        String kind = parts[0].toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "uniform" -> named(spec, row -> uniform(actions));
            case "greedy-affinity" -> named(spec, row -> greedy(row.affinity().length == actions ? row.affinity() : new double[actions]));
            case "epsilon-greedy" -> {
                double epsilon = epsilon(spec, parts);
                yield named(spec, row -> mix(greedy(row.affinity().length == actions ? row.affinity() : new double[actions]), epsilon));
            }
            case "item-greedy" -> {
                double[] best = greedy(trained.actionRates());
                yield named(spec, row -> best.clone());
            }
            case "contextual-greedy" -> named(spec, row -> greedy(trained.predict(row)));
            case "item" -> {
                int item = item(spec, parts, actions);
                yield named(spec, row -> {
                    double[] p = new double[actions];
                    p[item] = 1;
                    return p;
                });
            }
            case "logged" -> {
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw new IllegalArgumentException("'" + spec + "': logged needs the path of the log whose policy to "
                            + "evaluate, e.g. logged:data/obd-sample/bts/men");
                }
                LoggedPolicy policy = LoggedPolicy.of(OpenBanditDataset.read(OpenBanditDataset.locate(java.nio.file.Path.of(parts[1]))),
                        actions);
                yield named(spec, policy::probabilities);
            }
            default -> throw new IllegalArgumentException("unknown target '" + spec + "'; expected " + SPECS);
        };
    }

    /** The target specs, as messages list them. */
    String SPECS = "uniform, greedy-affinity, epsilon-greedy:E, item-greedy, contextual-greedy, item:ID or logged:PATH";

    private static int item(String spec, String[] parts, int actions) {
        try {
            int item = Integer.parseInt(parts.length > 1 ? parts[1].trim() : "");
            if (item >= 0 && item < actions) {
                return item;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + spec + "': item needs an action id in [0, " + actions + "), e.g. item:3");
    }

    private static double epsilon(String spec, String[] parts) {
        try {
            double epsilon = Double.parseDouble(parts.length > 1 ? parts[1] : "");
            if (epsilon >= 0 && epsilon <= 1) {
                return epsilon;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + spec + "': epsilon-greedy needs an epsilon in [0, 1], e.g. epsilon-greedy:0.1");
    }

    private static TargetPolicy named(String name, java.util.function.Function<BanditLog.Row, double[]> policy) {
        return new TargetPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] probabilities(BanditLog.Row row) {
                return policy.apply(row);
            }
        };
    }

    static double[] uniform(int actions) {
        double[] p = new double[actions];
        Arrays.fill(p, 1.0 / actions);
        return p;
    }

    /** All mass on the largest score, split evenly among ties. */
    static double[] greedy(double[] scores) {
        double best = Arrays.stream(scores).max().orElse(0);
        long ties = Arrays.stream(scores).filter(s -> s == best).count();
        double[] p = new double[scores.length];
        for (int a = 0; a < scores.length; a++) {
            p[a] = scores[a] == best ? 1.0 / ties : 0;
        }
        return p;
    }

    static double[] mix(double[] greedy, double epsilon) {
        double[] p = new double[greedy.length];
        for (int a = 0; a < p.length; a++) {
            p[a] = (1 - epsilon) * greedy[a] + epsilon / p.length;
        }
        return p;
    }
}

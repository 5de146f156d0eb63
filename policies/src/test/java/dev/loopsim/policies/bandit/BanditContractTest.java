package dev.loopsim.policies.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.random.RandomStreams;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered bandit algorithm must do, on three Bernoulli arms (0.2, 0.5, 0.8).
 * Contextual algorithms see the constant feature x = [1] per arm with a model per arm, which
 * makes them plain Bernoulli bandits.
 */
class BanditContractTest {
    private static final double[] MEANS = {0.2, 0.5, 0.8};
    private static final double[][] CONTEXTS = {{1}, {1}, {1}};
    private static final int DRAWS = 400;

    static Stream<BanditAlgorithms.Type<?>> algorithms() {
        return BanditAlgorithms.all().stream();
    }

    private static BanditPolicy create(BanditAlgorithms.Type<?> type) {
        return type.create(type.defaults(), MEANS.length, 1, false, DRAWS);
    }

    /** Plays {@code steps} pulls; returns the rewards of the last quarter. */
    private static double play(BanditPolicy bandit, int steps, long seed) {
        RandomStreams streams = RandomStreams.of(seed, 0);
        UniformRandomProvider policy = streams.forPolicy("bandit", "choices");
        UniformRandomProvider world = streams.forWorld("arms");
        double late = 0;
        for (int t = 0; t < steps; t++) {
            int arm = bandit.choose(CONTEXTS, policy).arm();
            double reward = world.nextDouble() < MEANS[arm] ? 1 : 0;
            bandit.update(arm, CONTEXTS[arm], reward);
            if (reward == 1 && bandit instanceof ConstrainedThompson guarded) {
                guarded.updateGuardrail(arm, 1); // every play here is a quality play
            }
            if (t >= steps * 3 / 4) {
                late += MEANS[arm];
            }
        }
        return late / (steps - steps * 3 / 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void beatsRandomChoice(BanditAlgorithms.Type<?> type) {
        // Random choice earns 0.5 per pull; every algorithm's defaults should be well above it after 2,000 pulls.
        assertThat(play(create(type), 2000, 3)).isGreaterThan(0.65);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void isDeterministicUnderTheSameSeed(BanditAlgorithms.Type<?> type) {
        BanditPolicy first = create(type);
        BanditPolicy second = create(type);
        play(first, 300, 5);
        play(second, 300, 5);
        UniformRandomProvider a = RandomStreams.of(9, 0).forPolicy("check", "choices");
        UniformRandomProvider b = RandomStreams.of(9, 0).forPolicy("check", "choices");
        for (int i = 0; i < 50; i++) {
            assertThat(second.choose(CONTEXTS, b)).isEqualTo(first.choose(CONTEXTS, a));
        }
        assertThat(second.scores(new int[] {0, 1, 2}, CONTEXTS, b))
                .containsExactly(first.scores(new int[] {0, 1, 2}, CONTEXTS, a));
    }

    /**
     * From a fixed state, the propensity each arm is reported with is in (0, 1], and the
     * propensities of the arms, one value per arm, sum to 1 over everything it could have chosen,
     * within 0.12 (re-drawn estimates use 400 draws: a standard error of at most 0.025 per arm),
     * and each matches how often its arm is chosen.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void propensitiesAreProbabilitiesThatSumToOne(BanditAlgorithms.Type<?> type) {
        BanditPolicy bandit = create(type);
        play(bandit, 60, 7); // a state with some evidence and some doubt
        UniformRandomProvider random = RandomStreams.of(11, 0).forPolicy("choose", "choices");
        int n = 2000;
        double[] reported = new double[MEANS.length];
        int[] chosen = new int[MEANS.length];
        for (int i = 0; i < n; i++) {
            ArmChoice choice = bandit.choose(CONTEXTS, random);
            assertThat(choice.propensity()).isGreaterThan(0).isLessThanOrEqualTo(1);
            reported[choice.arm()] += choice.propensity();
            chosen[choice.arm()]++;
        }
        double total = 0;
        for (int a = 0; a < MEANS.length; a++) {
            if (chosen[a] > 0) {
                double mean = reported[a] / chosen[a];
                total += mean;
                // The reported propensity matches how often the arm is chosen (5 binomial σ plus the estimate's own error).
                double frequency = chosen[a] / (double) n;
                assertThat(Math.abs(mean - frequency)).isLessThan(5 * Math.sqrt(0.25 / n) + 0.06);
            }
        }
        assertThat(total).isCloseTo(1, org.assertj.core.data.Offset.offset(0.12));
    }
}

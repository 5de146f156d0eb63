package dev.loopsim.policies.bandit;

import dev.loopsim.core.policy.Capabilities;
import dev.loopsim.core.ParameterException;
import dev.loopsim.core.Validate;
import java.util.List;
import java.util.Optional;

/**
 * The bandit algorithms a scenario can name, with their parameters. The same names choose a
 * title's artwork, fill a row's slots, order a page's rows and play a classic bandit world.
 * Each parameter record also says what a page counts as reward ({@code click},
 * {@code quality-play} or the delayed {@code completion}); in a bandit world the reward is the
 * arm's own draw.
 */
public final class BanditAlgorithms {
    private BanditAlgorithms() { }

    /** What every algorithm's parameters share. */
    public interface Settings {
        /** What a page counts as success. */
        SlotReward reward();

        /** A play with a watch fraction at or above it is a quality play. */
        double qualityThreshold();
    }

    /** Builds a bandit from its parameters. */
    @FunctionalInterface
    public interface Factory<P extends Settings> {
        /**
         * @param arms      number of arms (ignored by a shared model)
         * @param dimension features per arm for a contextual algorithm
         * @param shared    contextual only: one model for every arm, which then differ only by their features
         * @param draws     posterior re-draws to estimate a sampling policy's propensity; 0 for none (it then reports 1)
         */
        BanditPolicy create(P parameters, int arms, int dimension, boolean shared, int draws);
    }

    /**
     * A registered algorithm.
     *
     * @param contextual whether it reads a feature vector per arm
     * @param guardrail  whether it learns a guardrail outcome (quality plays) beside its reward
     */
    public record Type<P extends Record & Settings>(String name, String description, boolean contextual, boolean guardrail,
                                                     Class<P> parameterType, P defaults, Factory<P> factory)
            implements dev.loopsim.core.Registered<P> {
        /** Every bandit learns; none states its odds, since it ranks by sampled or optimistic scores. */
        public Capabilities capabilities() {
            return new Capabilities(true, false, guardrail);
        }

        /** A bandit for a page, where posterior-sampling choices estimate no propensity: see {@link #PAGE_DRAWS}. */
        public BanditPolicy create(Record parameters, int arms, int dimension, boolean shared) {
            return create(parameters, arms, dimension, shared, PAGE_DRAWS);
        }

        public BanditPolicy create(Record parameters, int arms, int dimension, boolean shared, int draws) {
            return factory.create(parameterType.cast(parameters), arms, dimension, shared, draws);
        }
    }

    public record EpsilonGreedyParameters(SlotReward reward, double qualityThreshold, double epsilon) implements Settings {
        public static final EpsilonGreedyParameters DEFAULTS = new EpsilonGreedyParameters(SlotReward.CLICK, 0.5, 0.1);

        public EpsilonGreedyParameters {
            SlotReward.check(reward, qualityThreshold);
            Validate.inRange("epsilon", epsilon, 0, 1);
        }
    }

    public record UcbParameters(SlotReward reward, double qualityThreshold) implements Settings {
        public static final UcbParameters DEFAULTS = new UcbParameters(SlotReward.CLICK, 0.5);

        public UcbParameters {
            SlotReward.check(reward, qualityThreshold);
        }
    }

    /**
     * @param discount γ in (0, 1]: statistics are multiplied by γ at every update (1: no forgetting)
     */
    public record ThompsonParameters(SlotReward reward, double qualityThreshold, double priorSuccesses, double priorFailures,
                                     double discount) implements Settings {
        public static final ThompsonParameters DEFAULTS = new ThompsonParameters(SlotReward.CLICK, 0.5, 1, 1, 1);

        public ThompsonParameters {
            SlotReward.check(reward, qualityThreshold);
            Validate.positive("priorSuccesses", priorSuccesses);
            Validate.positive("priorFailures", priorFailures);
            if (!(discount > 0 && discount <= 1)) {
                throw new ParameterException("discount", "discount must be in (0, 1], found " + discount);
            }
        }
    }

    /**
     * @param temperature τ in Pr(a) ∝ exp(mean_a / τ). The default 0.1 still tells means 0.2 apart (e²
     *                    to 1) but keeps every arm's estimate fed; 0.01 made softmax greedy, so that the
     *                    first arm to pay locked the others out
     */
    public record SoftmaxParameters(SlotReward reward, double qualityThreshold, double temperature) implements Settings {
        public static final SoftmaxParameters DEFAULTS = new SoftmaxParameters(SlotReward.CLICK, 0.5, 0.1);

        public SoftmaxParameters {
            SlotReward.check(reward, qualityThreshold);
            Validate.positive("temperature", temperature);
        }
    }

    /**
     * @param guardrailThreshold the share of a choice's plays that must be quality plays (sampled from
     *                           its Beta posterior) for it to be eligible
     */
    public record ConstrainedParameters(SlotReward reward, double qualityThreshold, double guardrailThreshold)
            implements Settings {
        public static final ConstrainedParameters DEFAULTS = new ConstrainedParameters(SlotReward.CLICK, 0.5, 0.5);

        public ConstrainedParameters {
            SlotReward.check(reward, qualityThreshold);
            Validate.inRange("guardrailThreshold", guardrailThreshold, 0, 1);
        }
    }

    /**
     * @param alpha          width of the confidence bonus; below about 1 it can settle for good on an arm that
     *                       was unlucky early
     * @param priorPrecision λ of the ridge prior λ·I
     */
    public record LinUcbParameters(SlotReward reward, double qualityThreshold, double alpha, double priorPrecision)
            implements Settings {
        public static final LinUcbParameters DEFAULTS = new LinUcbParameters(SlotReward.CLICK, 0.5, 1, 1);

        public LinUcbParameters {
            SlotReward.checkContextual(reward, qualityThreshold);
            Validate.nonNegative("alpha", alpha);
            Validate.positive("priorPrecision", priorPrecision);
        }
    }

    /**
     * @param scale          v: the posterior sample is θ̂ + v·L·z
     * @param priorPrecision λ of the ridge prior λ·I
     */
    public record LinearThompsonParameters(SlotReward reward, double qualityThreshold, double scale, double priorPrecision)
            implements Settings {
        public static final LinearThompsonParameters DEFAULTS = new LinearThompsonParameters(SlotReward.CLICK, 0.5, 0.3, 1);

        public LinearThompsonParameters {
            SlotReward.checkContextual(reward, qualityThreshold);
            Validate.positive("scale", scale);
            Validate.positive("priorPrecision", priorPrecision);
        }
    }

    public record LogisticThompsonParameters(SlotReward reward, double qualityThreshold, double priorPrecision)
            implements Settings {
        public static final LogisticThompsonParameters DEFAULTS = new LogisticThompsonParameters(SlotReward.CLICK, 0.5, 1);

        public LogisticThompsonParameters {
            SlotReward.checkContextual(reward, qualityThreshold);
            Validate.positive("priorPrecision", priorPrecision);
        }
    }

    /**
     * Posterior sampling on a page estimates no propensity: re-drawing every slot would cost about
     * 100 times the page. Estimating it for logged choices is the event logs' job.
     */
    public static final int PAGE_DRAWS = 0;

    private static final List<Type<?>> TYPES = List.of(
            new Type<>("epsilon-greedy", "A random choice with probability epsilon, else the best mean so far.", false, false,
                    EpsilonGreedyParameters.class, EpsilonGreedyParameters.DEFAULTS,
                    (p, arms, d, shared, draws) -> new EpsilonGreedy(arms, p.epsilon())),
            new Type<>("ucb1", "UCB1 (Auer et al. 2002): mean plus sqrt(2 ln t / n).", false, false,
                    UcbParameters.class, UcbParameters.DEFAULTS, (p, arms, d, shared, draws) -> new Ucb1(arms)),
            new Type<>("bayes-ucb", "Bayes-UCB (Kaufmann et al. 2012): the Beta posterior's 1 - 1/t quantile.", false, false,
                    UcbParameters.class, UcbParameters.DEFAULTS, (p, arms, d, shared, draws) -> new BayesUcb(arms)),
            new Type<>("thompson", "Beta-Bernoulli Thompson sampling; discount < 1 forgets old evidence, for drift.", false, false,
                    ThompsonParameters.class, ThompsonParameters.DEFAULTS,
                    (p, arms, d, shared, draws) -> new ThompsonSampling(arms, p.priorSuccesses(), p.priorFailures(), p.discount(),
                            draws)),
            new Type<>("softmax", "Boltzmann exploration over mean rewards at a temperature; an arm not yet pulled "
                    + "counts as paying 1, so every arm is tried.", false, false,
                    SoftmaxParameters.class, SoftmaxParameters.DEFAULTS,
                    (p, arms, d, shared, draws) -> new Softmax(arms, p.temperature(), 1)),
            new Type<>("constrained-ts", "Thompson sampling on the reward among choices whose quality-play share "
                    + "(a guardrail, sampled from its posterior) stays above guardrail_threshold.", false, true,
                    ConstrainedParameters.class, ConstrainedParameters.DEFAULTS,
                    (p, arms, d, shared, draws) -> new ConstrainedThompson(arms, p.guardrailThreshold(), draws)),
            new Type<>("linucb", "LinUCB (Li et al. 2010) on member and item features.", true, false,
                    LinUcbParameters.class, LinUcbParameters.DEFAULTS,
                    (p, arms, d, shared, draws) -> shared ? LinUcb.shared(d, p.alpha(), p.priorPrecision())
                            : new LinUcb(arms, d, p.alpha(), p.priorPrecision())),
            new Type<>("lin-ts", "Linear Thompson sampling (Agrawal and Goyal 2013) on member and item features.", true, false,
                    LinearThompsonParameters.class, LinearThompsonParameters.DEFAULTS,
                    (p, arms, d, shared, draws) -> shared ? LinearThompson.shared(d, p.scale(), p.priorPrecision(), draws)
                            : new LinearThompson(arms, d, p.scale(), p.priorPrecision(), draws)),
            new Type<>("logistic-ts", "Logistic Thompson sampling with a Laplace posterior (Chapelle and Li 2011).", true, false,
                    LogisticThompsonParameters.class, LogisticThompsonParameters.DEFAULTS,
                    (p, arms, d, shared, draws) -> shared ? LogisticThompson.shared(d, p.priorPrecision(), draws)
                            : new LogisticThompson(arms, d, p.priorPrecision(), draws)));

    public static List<Type<?>> all() {
        return TYPES;
    }

    public static Optional<Type<?>> find(String name) {
        return TYPES.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}

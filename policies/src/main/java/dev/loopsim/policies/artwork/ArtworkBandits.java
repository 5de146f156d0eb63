package dev.loopsim.policies.artwork;

import dev.loopsim.core.Validate;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.policies.bandit.BayesUcb;
import dev.loopsim.policies.bandit.EpsilonGreedy;
import dev.loopsim.policies.bandit.Softmax;
import dev.loopsim.policies.bandit.ThompsonSampling;
import dev.loopsim.policies.bandit.Ucb1;

/**
 * The per-title artwork bandits a scenario can name, each with its parameters: what counts as
 * reward ({@code click}, {@code quality-play} or the delayed {@code completion}), the
 * quality-play threshold, and the algorithm's own settings.
 */
public final class ArtworkBandits {
    private ArtworkBandits() { }

    public record EpsilonGreedyParameters(String reward, double qualityThreshold, double epsilon) {
        public static final EpsilonGreedyParameters DEFAULTS = new EpsilonGreedyParameters("click", 0.5, 0.1);

        public EpsilonGreedyParameters {
            ArtworkReward.parse(reward);
            Validate.inRange("qualityThreshold", qualityThreshold, 0, 1);
            Validate.inRange("epsilon", epsilon, 0, 1);
        }
    }

    public record UcbParameters(String reward, double qualityThreshold) {
        public static final UcbParameters DEFAULTS = new UcbParameters("click", 0.5);

        public UcbParameters {
            ArtworkReward.parse(reward);
            Validate.inRange("qualityThreshold", qualityThreshold, 0, 1);
        }
    }

    /**
     * @param discount γ in (0, 1]: statistics are multiplied by γ at every update (1: no forgetting)
     */
    public record ThompsonParameters(String reward, double qualityThreshold, double priorSuccesses, double priorFailures,
                                     double discount) {
        public static final ThompsonParameters DEFAULTS = new ThompsonParameters("click", 0.5, 1, 1, 1);

        public ThompsonParameters {
            ArtworkReward.parse(reward);
            Validate.inRange("qualityThreshold", qualityThreshold, 0, 1);
            Validate.positive("priorSuccesses", priorSuccesses);
            Validate.positive("priorFailures", priorFailures);
            if (!(discount > 0 && discount <= 1)) {
                throw new dev.loopsim.core.ParameterException("discount", "discount must be in (0, 1], found " + discount);
            }
        }
    }

    public record SoftmaxParameters(String reward, double qualityThreshold, double temperature) {
        public static final SoftmaxParameters DEFAULTS = new SoftmaxParameters("click", 0.5, 0.01);

        public SoftmaxParameters {
            ArtworkReward.parse(reward);
            Validate.inRange("qualityThreshold", qualityThreshold, 0, 1);
            Validate.positive("temperature", temperature);
        }
    }

    public static BanditArtwork epsilonGreedy(Catalog catalog, EpsilonGreedyParameters p) {
        return new BanditArtwork(catalog, ArtworkReward.parse(p.reward()), p.qualityThreshold(),
                arms -> new EpsilonGreedy(arms, p.epsilon()));
    }

    public static BanditArtwork ucb1(Catalog catalog, UcbParameters p) {
        return new BanditArtwork(catalog, ArtworkReward.parse(p.reward()), p.qualityThreshold(), Ucb1::new);
    }

    public static BanditArtwork bayesUcb(Catalog catalog, UcbParameters p) {
        return new BanditArtwork(catalog, ArtworkReward.parse(p.reward()), p.qualityThreshold(), BayesUcb::new);
    }

    /** Thompson sampling per title; a page asks for no propensity estimate (0 re-draws), which keeps it fast. */
    public static BanditArtwork thompson(Catalog catalog, ThompsonParameters p) {
        return new BanditArtwork(catalog, ArtworkReward.parse(p.reward()), p.qualityThreshold(),
                arms -> new ThompsonSampling(arms, p.priorSuccesses(), p.priorFailures(), p.discount(), 0));
    }

    public static BanditArtwork softmax(Catalog catalog, SoftmaxParameters p) {
        return new BanditArtwork(catalog, ArtworkReward.parse(p.reward()), p.qualityThreshold(),
                arms -> new Softmax(arms, p.temperature(), 0));
    }
}

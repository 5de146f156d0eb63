package dev.loopsim.policies.artwork;

import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;

/**
 * Beta–Bernoulli Thompson sampling over each title's artworks, per title (not per member).
 * Every impression is a trial; a success is a click, a quality play, or a completion that
 * arrives days later, depending on {@code reward}. A trial whose completion has not arrived yet
 * counts as a failure until it does, the usual treatment of delayed binary feedback.
 */
public final class ThompsonArtwork implements ArtworkSelector {

    /**
     * @param reward           what counts as success: click, quality-play or completion
     * @param qualityThreshold ω at or above which a play is a quality play (for reward quality-play)
     * @param priorSuccesses   α of the Beta prior
     * @param priorFailures    β of the Beta prior
     */
    public record Parameters(String reward, double qualityThreshold, double priorSuccesses, double priorFailures) {
        public static final Parameters DEFAULTS = new Parameters("click", 0.5, 1, 1);

        public Parameters {
            rewardKind(reward);
            Validate.inRange("qualityThreshold", qualityThreshold, 0, 1);
            Validate.positive("priorSuccesses", priorSuccesses);
            Validate.positive("priorFailures", priorFailures);
        }

        ArtworkReward kind() {
            return rewardKind(reward);
        }

        private static ArtworkReward rewardKind(String reward) {
            return switch (reward == null ? "" : reward) {
                case "click" -> ArtworkReward.CLICK;
                case "quality-play" -> ArtworkReward.QUALITY_PLAY;
                case "completion" -> ArtworkReward.COMPLETION;
                default -> throw new dev.loopsim.core.ParameterException("reward",
                        "reward must be one of click, quality-play, completion; found '" + reward + "'");
            };
        }
    }

    private final Parameters parameters;
    private final double[][] successes;
    private final double[][] trials;

    public ThompsonArtwork(Catalog catalog, Parameters parameters) {
        this.parameters = parameters;
        this.successes = new double[catalog.size()][];
        this.trials = new double[catalog.size()][];
        for (Title t : catalog.titles()) {
            successes[t.id()] = new double[t.artworks().size()];
            trials[t.id()] = new double[t.artworks().size()];
        }
    }

    @Override
    public int select(DecisionContext context, Title title) {
        int id = title.id();
        int best = 0;
        double bestDraw = -1;
        for (int a = 0; a < successes[id].length; a++) {
            double alpha = parameters.priorSuccesses() + successes[id][a];
            double beta = parameters.priorFailures() + trials[id][a] - successes[id][a];
            double draw = ChengBetaSampler.of(context.random(), alpha, beta).sample();
            if (draw > bestDraw) {
                bestDraw = draw;
                best = a;
            }
        }
        return best;
    }

    /** The posterior mean success rate of an artwork: (α + s) / (α + β + n). */
    public double posteriorMean(int titleId, int artwork) {
        return (parameters.priorSuccesses() + successes[titleId][artwork])
                / (parameters.priorSuccesses() + parameters.priorFailures() + trials[titleId][artwork]);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        ArtworkReward kind = parameters.kind();
        for (VisitFeedback visit : batch.visits()) {
            Page page = visit.page();
            for (int slot = 0; slot < page.slots(); slot++) {
                int title = page.titleAt(slot);
                if (title < 0) {
                    continue;
                }
                int artwork = page.artworkAt(slot);
                trials[title][artwork]++;
                boolean played = slot == visit.playedSlot();
                if (kind == ArtworkReward.CLICK && played
                        || kind == ArtworkReward.QUALITY_PLAY && played && visit.watchFraction() >= parameters.qualityThreshold()) {
                    successes[title][artwork]++;
                }
            }
        }
        if (kind == ArtworkReward.COMPLETION) {
            for (RewardFeedback reward : batch.rewards()) {
                successes[reward.titleId()][reward.artwork()] += Math.min(reward.value(), 1);
            }
        }
    }
}

package dev.loopsim.policies.artwork;

import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.world.Title;

/** A uniformly random artwork of the title's pool: propensity 1/k. */
public final class RandomArtwork implements ArtworkSelector {

    /** No parameters. */
    public record Parameters() { }

    @Override
    public int select(DecisionContext context, Title title) {
        return context.random().nextInt(title.artworks().size());
    }
}

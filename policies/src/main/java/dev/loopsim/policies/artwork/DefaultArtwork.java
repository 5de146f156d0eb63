package dev.loopsim.policies.artwork;

import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.world.Title;

/** Every title with its default artwork (index 0). */
public final class DefaultArtwork implements ArtworkSelector {

    /** No parameters. */
    public record Parameters() { }

    @Override
    public int select(DecisionContext context, Title title) {
        return 0;
    }
}

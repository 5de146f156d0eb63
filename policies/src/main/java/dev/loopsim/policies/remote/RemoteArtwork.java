package dev.loopsim.policies.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Title;
import java.util.Map;

/**
 * An artwork selector that is a service: asked once per page, with the page's titles, for an
 * artwork per slot (the protocol's {@code artwork} message); it learns from each update window's
 * feedback as a remote ranker does. Its failure stops the run: the page does not fall back.
 */
public final class RemoteArtwork implements ArtworkSelector {

    private final Catalog catalog;
    private final ServiceSettings.Lazy service;

    public RemoteArtwork(Catalog catalog, ServiceParameters parameters) {
        parameters.checkRequired();
        this.catalog = catalog;
        this.service = new ServiceSettings.Lazy("artwork", parameters.command(), parameters.connect(), parameters.timeout(),
                "artwork", "chosen", catalog, parameters.parameters());
    }

    @Override
    public int select(DecisionContext context, Title title) {
        return forPage(context, new int[] {title.id()}).select(title);
    }

    @Override
    public ForVisit forVisit(DecisionContext context) {
        return title -> select(context, title);
    }

    @Override
    public ForVisit forPage(DecisionContext context, int[] titles) {
        long seed = context.random().nextLong();
        String describe = "member " + context.memberId() + " at day " + context.day();
        PolicyService session = service.get();
        JsonNode reply = session.decide(new PolicyService.Decision(Protocol.artworkRequest(context, titles, seed), null, describe));
        String what = "the artwork request for " + describe;
        JsonNode artworks = reply.get("artworks");
        if (artworks == null || !artworks.isArray() || artworks.size() != titles.length) {
            throw session.fail("a reply needs 'artworks', one per slot of the page's " + titles.length + "; found "
                    + Protocol.shorten(String.valueOf(reply)), what);
        }
        Map<Integer, Integer> chosen = new java.util.HashMap<>();
        for (int slot = 0; slot < titles.length; slot++) {
            if (titles[slot] < 0) {
                continue;
            }
            JsonNode artwork = artworks.get(slot);
            int pool = catalog.title(titles[slot]).artworks().size();
            if (!artwork.isIntegralNumber() || artwork.intValue() < 0 || artwork.intValue() >= pool) {
                throw session.fail("slot " + slot + "'s artwork is " + artwork + "; title " + titles[slot] + " has artworks 0 to "
                        + (pool - 1), what);
            }
            chosen.put(titles[slot], artwork.intValue());
        }
        return title -> chosen.getOrDefault(title.id(), 0);
    }

    @Override
    public void learn(FeedbackBatch batch) {
        if (batch.isEmpty() && !service.opened()) {
            return;
        }
        service.get().exchange(Protocol.learn(batch), "learned", "the feedback of days " + batch.fromDay() + " to " + batch.toDay());
    }

    @Override
    public void close() {
        service.close();
    }
}

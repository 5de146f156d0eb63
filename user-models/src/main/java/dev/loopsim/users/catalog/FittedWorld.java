package dev.loopsim.users.catalog;

import dev.loopsim.core.ParameterException;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.core.world.Title;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The items and member contexts of a world learned from a click log that is not loopsim's own
 * ({@code loopsim fit --impressions}): it replaces the generated catalog and the members' tastes.
 * Item i is a title whose latent vector holds its attraction logit in each context, and a
 * member's latent vector is the indicator of their context, drawn once from the log's shares: so
 * with {@code latent_weight: 1} and the other utility weights 0, a member's utility for an item is
 * its fitted logit in their context, and the click model's attraction σ(U) is the fitted one.
 *
 * @param items            item names, in the log's order (title i is item i)
 * @param attractionLogits per item, the logit of its attraction in each context
 * @param contexts         context names
 * @param contextShares    the share of members in each context
 */
public record FittedWorld(List<String> items, List<List<Double>> attractionLogits, List<String> contexts,
                          List<Double> contextShares) {
    public static final FittedWorld NONE = new FittedWorld(List.of(), List.of(), List.of(), List.of());

    public FittedWorld {
        items = items == null ? List.of() : List.copyOf(items);
        attractionLogits = attractionLogits == null ? List.of() : attractionLogits.stream().map(List::copyOf).toList();
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        contextShares = contextShares == null ? List.of() : List.copyOf(contextShares);
        if (attractionLogits.size() != items.size()) {
            throw new ParameterException("attractionLogits", "attraction_logits must have one list per item (" + items.size()
                    + "), found " + attractionLogits.size());
        }
        if (contextShares.size() != contexts.size()) {
            throw new ParameterException("contextShares", "context_shares must have one share per context (" + contexts.size()
                    + "), found " + contextShares.size());
        }
        for (int i = 0; i < attractionLogits.size(); i++) {
            if (attractionLogits.get(i).size() != contexts.size()) {
                throw new ParameterException("attractionLogits", "attraction_logits[" + i + "] must have one logit per context ("
                        + contexts.size() + "), found " + attractionLogits.get(i).size());
            }
            for (double logit : attractionLogits.get(i)) {
                if (!Double.isFinite(logit)) {
                    throw new ParameterException("attractionLogits", "attraction_logits[" + i + "] must hold finite numbers, found " + logit);
                }
            }
        }
        double total = 0;
        for (double share : contextShares) {
            if (!(share >= 0) || Double.isInfinite(share)) {
                throw new ParameterException("contextShares", "context_shares must be >= 0, found " + share);
            }
            total += share;
        }
        if (!contexts.isEmpty() && !(Math.abs(total - 1) < 1e-6)) {
            throw new ParameterException("contextShares", "context_shares must sum to 1, found " + total);
        }
        if (!items.isEmpty() && contexts.isEmpty()) {
            throw new ParameterException("contexts", "a fitted world needs at least one context");
        }
    }

    public boolean present() {
        return !items.isEmpty();
    }

    /** One title per item: a single genre, the attraction logits as its latent vector, one faithful artwork. */
    public Catalog catalog() {
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            double[] latent = attractionLogits.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            titles.add(new Title(i, new double[] {1}, latent, 0, 0, 0, false));
        }
        return new Catalog(titles, 1, contexts.size());
    }

    /** The members, each in a context drawn from the shares with their own stream; base rates and join days as generated. */
    public List<MemberProfile> members(List<MemberProfile> generated, java.util.function.IntFunction<UniformRandomProvider> contextStream) {
        List<MemberProfile> members = new ArrayList<>(generated.size());
        for (MemberProfile m : generated) {
            double u = contextStream.apply(m.id()).nextDouble();
            int context = contexts.size() - 1;
            for (int c = 0; c < contexts.size(); c++) {
                u -= contextShares.get(c);
                if (u < 0) {
                    context = c;
                    break;
                }
            }
            double[] indicator = new double[contexts.size()];
            indicator[context] = 1;
            members.add(new MemberProfile(m.id(), new double[] {1}, indicator, m.baseRatePerDay(), m.joinDay(), new double[] {0}));
        }
        return members;
    }
}

package dev.loopsim.results.ope;

import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FirstChoice;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Records, while a logging policy runs, what off-policy evaluation needs of each page: the titles
 * shown, their propensities, which was played, the member's context, and what each target ranker
 * would have chosen in the same context: the distribution of its first title on a one-title page,
 * its whole slate on a page of several slots. The targets are asked at decision time, frozen like
 * the logging policy, so their choice probabilities are exact, not re-estimated.
 */
public final class OpeRecorder implements RunObserver {

    /**
     * One logged decision.
     *
     * @param action     the title shown
     * @param reward     1 if it was played, else 0
     * @param propensity the logging ranker's probability of showing it
     * @param context    the context key the reward model groups by
     * @param pool       the titles the choice was made among (shared, never modified)
     * @param targets    each target's first-choice distribution in this context (one-title pages)
     * @param slate      the titles shown in slot order (pages of several slots; null on one-title pages)
     * @param slotPropensities each slot's propensity, given the titles above it
     * @param playedSlot the slot played, or −1
     * @param targetSlates each target's titles for the slots, in this context
     */
    public record Decision(int action, double reward, double propensity, String context, int[] pool,
                           FirstChoice[] targets, int[] slate, double[] slotPropensities, int playedSlot, int[][] targetSlates) { }

    private final List<String> targetNames;
    private final List<Ranker> targets;
    private final Function<DecisionContext, String> contextKey;
    private final List<List<Decision>> shards = new ArrayList<>();

    /**
     * @param targetNames names of the targets, for messages
     * @param targets     the target rankers, frozen between policy updates like the logging one
     * @param contextKey  the context a reward model may use, from what a policy may observe
     */
    public OpeRecorder(List<String> targetNames, List<Ranker> targets, Function<DecisionContext, String> contextKey) {
        this.targetNames = List.copyOf(targetNames);
        this.targets = List.copyOf(targets);
        this.contextKey = contextKey;
    }

    @Override
    public synchronized ShardObserver shard(int index) {
        while (shards.size() <= index) {
            shards.add(null);
        }
        List<Decision> decisions = new ArrayList<>();
        shards.set(index, decisions);
        return new ShardObserver() {
            @Override
            public void visit(MemberState member, double day, Page page, VisitResponse response, double oracle) { }

            @Override
            public void decision(DecisionContext context, Page page, VisitResponse response) {
                if (page.slots() == 0 || page.titleAt(0) < 0) {
                    return; // nothing to show: no decision was made
                }
                decisions.add(record(context, page, response));
            }
        };
    }

    private Decision record(DecisionContext context, Page page, VisitResponse response) {
        if (page.slots() > 1) {
            return recordSlate(context, page, response);
        }
        double propensity = page.propensityAt(0);
        if (!(propensity > 0 && propensity <= 1)) {
            throw new IllegalStateException("the logging ranker cannot state the probability of its choices (propensity "
                    + propensity + "); log with random, or a deterministic ranker with explore > 0");
        }
        FirstChoice[] choices = new FirstChoice[targets.size()];
        for (int t = 0; t < choices.length; t++) {
            choices[t] = targets.get(t).firstChoice(context);
            if (choices[t] == null) {
                throw new IllegalStateException("target '" + targetNames.get(t) + "' cannot state the probability of its "
                        + "choices; targets must be deterministic rankers, random, or explore around either");
            }
        }
        return new Decision(page.titleAt(0), response.played() ? 1 : 0, propensity, contextKey.apply(context), context.available(),
                choices, null, null, response.playedSlot(), null);
    }

    private Decision recordSlate(DecisionContext context, Page page, VisitResponse response) {
        int slots = page.slots();
        int[] slate = new int[slots];
        double[] propensities = new double[slots];
        for (int k = 0; k < slots; k++) {
            slate[k] = page.titleAt(k);
            propensities[k] = page.propensityAt(k);
            if (slate[k] < 0 || !(propensities[k] > 0 && propensities[k] <= 1)) {
                throw new IllegalStateException("slot " + k + " of a logged page is empty or has no propensity (" + propensities[k]
                        + "); slate ope needs every slot filled by a random ranker");
            }
        }
        int[][] targetSlates = new int[targets.size()][];
        for (int t = 0; t < targetSlates.length; t++) {
            targetSlates[t] = targets.get(t).rank(context, slots);
            if (targetSlates[t].length != slots) {
                throw new IllegalStateException("target '" + targetNames.get(t) + "' filled " + targetSlates[t].length + " of "
                        + slots + " slots");
            }
        }
        return new Decision(slate[0], response.played() ? 1 : 0, propensities[0], contextKey.apply(context), context.available(),
                null, slate, propensities, response.playedSlot(), targetSlates);
    }

    /** Every decision of the run, shard by shard (a fixed order, whatever the threads). */
    public List<Decision> decisions() {
        List<Decision> all = new ArrayList<>();
        shards.forEach(all::addAll);
        return all;
    }

    public List<String> targetNames() {
        return targetNames;
    }
}

package dev.loopsim.policies.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.policy.RowOrder;
import java.util.List;

/**
 * A row order that is a service: asked once per page, before the rows are filled, with the plan's
 * row kinds, for their order (the protocol's {@code row_order} message); it learns from each
 * update window's feedback as a remote ranker does. A reply that is not an order of the rows stops
 * the run.
 */
public final class RemoteRowOrder implements RowOrder {

    private final List<String> kinds;
    private final ServiceSettings.Lazy service;

    /** @param kinds the label of each row of the plan, in plan order */
    public RemoteRowOrder(Catalog catalog, List<String> kinds, ServiceParameters parameters) {
        parameters.checkRequired();
        this.kinds = List.copyOf(kinds);
        this.service = new ServiceSettings.Lazy("row-order", parameters.command(), parameters.connect(), parameters.timeout(),
                "row_order", "ordered", catalog, parameters.parameters());
    }

    @Override
    public int[] order(DecisionContext context) {
        long seed = context.random().nextLong();
        String describe = "member " + context.memberId() + " at day " + context.day();
        PolicyService session = service.get();
        JsonNode reply = session.decide(new PolicyService.Decision(Protocol.rowOrderRequest(context, kinds, seed), null, describe));
        String what = "the row-order request for " + describe;
        JsonNode order = reply.get("order");
        if (order == null || !order.isArray() || order.size() != kinds.size()) {
            throw session.fail("a reply needs 'order', the " + kinds.size() + " rows' indices best first; found "
                    + Protocol.shorten(String.valueOf(reply)), what);
        }
        int[] rows = new int[kinds.size()];
        boolean[] seen = new boolean[kinds.size()];
        for (int k = 0; k < rows.length; k++) {
            JsonNode row = order.get(k);
            if (!row.isIntegralNumber() || row.intValue() < 0 || row.intValue() >= rows.length || seen[row.intValue()]) {
                throw session.fail("'order' must hold each row index 0 to " + (rows.length - 1) + " once; found "
                        + Protocol.shorten(String.valueOf(order)), what);
            }
            rows[k] = row.intValue();
            seen[rows[k]] = true;
        }
        return rows;
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

package dev.loopsim.policies.remote;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.Ranking;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.RequiresSettings;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A ranker that is a service: loopsim asks it for each decision and gives it the feedback of each
 * update window, in the protocol of {@link Protocol}. The service is started (or connected to) at
 * the first decision of a run and stopped when the run ends, so each cell of each replicate gets a
 * fresh policy, as with any other ranker.
 */
public final class RemoteRanker implements Ranker {

    /**
     * @param command      the service to start, talking over its stdin and stdout (a list, or one string split at
     *                     spaces), in the current folder; {@code {home}} stands for loopsim's checkout
     * @param connect      instead, host:port of a running service; a fresh session per run
     * @param timeout      seconds to wait for any one reply before the run stops
     * @param concurrency  member shards that may wait on the service at once: their requests go in one batch
     * @param propensities whether the service states each choice's probability (then every reply must)
     * @param deterministic whether its choices do not depend on the request's seed (every propensity is then 1)
     * @param outcomes     whether each visit's outcome is sent the moment it ends (an environment stepping an
     *                     agent); the run then goes one visit at a time
     * @param parameters   passed to the service as they are, in the hello
     */
    public record Parameters(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> command,
                             String connect, double timeout, int concurrency, boolean propensities, boolean deterministic,
                             boolean outcomes, Map<String, Object> parameters) implements RequiresSettings {
        public static final Parameters DEFAULTS = new Parameters(List.of(), "", 30, 64, false, false, false, Map.of());

        public Parameters {
            command = ServiceSettings.command(command);
            connect = ServiceSettings.connect(connect, command);
            Validate.inRange("timeout", timeout, 0.001, 86_400, "seconds, at most a day");
            Validate.between("concurrency", concurrency, 1, 4096, "shards waiting on the service at once");
            parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        }

        @Override
        public void checkRequired() {
            ServiceSettings.checkRequired(command, connect, "ranker");
        }
    }

    private final Parameters parameters;
    private final ServiceSettings.Lazy service;

    /** Sends every line a started service writes to its stderr to {@code sink} (the command line shows them). */
    public static void showServiceOutput(java.util.function.Consumer<String> sink) {
        ServiceSettings.showServiceOutput(sink);
    }

    public RemoteRanker(Catalog catalog, Parameters parameters) {
        parameters.checkRequired();
        this.parameters = parameters;
        this.service = new ServiceSettings.Lazy("ranker", parameters.command(), parameters.connect(), parameters.timeout(),
                "rank", "ranked", catalog, parameters.parameters());
    }

    private PolicyService service() {
        return service.get();
    }

    @Override
    public boolean deterministic() {
        return parameters.deterministic();
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        return rankWithPropensities(context, count).titles();
    }

    @Override
    public Ranking rankWithPropensities(DecisionContext context, int count) {
        long seed = context.random().nextLong();
        String describe = "member " + context.memberId() + " at day " + context.day();
        PolicyService session = service();
        JsonNode reply = session.decide(new PolicyService.Decision(Protocol.request(context, count, seed), context.available(), describe));
        return read(session, reply, context.available(), count, describe);
    }

    /** The reply's ranking, checked: distinct candidates, at most {@code count}, propensities in (0, 1] when stated. */
    private Ranking read(PolicyService session, JsonNode reply, int[] candidates, int count, String describe) {
        String what = "the rank request for " + describe;
        JsonNode titles = reply.get("titles");
        if (titles == null || !titles.isArray()) {
            throw session.fail("a reply needs 'titles', a list of title ids; found " + Protocol.shorten(String.valueOf(reply)), what);
        }
        if (titles.size() > count) {
            throw session.fail("it ranked " + titles.size() + " titles where " + count + " were asked for", what);
        }
        int[] ranked = new int[titles.size()];
        BitSet seen = new BitSet();
        for (int k = 0; k < ranked.length; k++) {
            JsonNode id = titles.get(k);
            if (!id.canConvertToInt() || !id.isIntegralNumber()) {
                throw session.fail("title " + k + " of its ranking is " + id + ", not a title id", what);
            }
            ranked[k] = id.intValue();
            if (Arrays.binarySearch(candidates, ranked[k]) < 0) { // candidates are ascending, as DecisionContext.available()
                throw session.fail("it ranked title " + ranked[k] + ", which is not among the request's candidates", what);
            }
            if (seen.get(ranked[k])) {
                throw session.fail("it ranked title " + ranked[k] + " twice", what);
            }
            seen.set(ranked[k]);
        }
        double[] propensities = new double[ranked.length];
        JsonNode stated = reply.get("propensities");
        if (stated == null || stated.isNull()) {
            if (parameters.propensities()) {
                throw session.fail("the scenario says it states propensities (propensities: true), but a reply has none", what);
            }
            Arrays.fill(propensities, parameters.deterministic() ? 1 : Double.NaN);
        } else {
            if (!stated.isArray() || stated.size() != ranked.length) {
                throw session.fail("'propensities' must list one probability per ranked title", what);
            }
            for (int k = 0; k < ranked.length; k++) {
                double p = stated.get(k).asDouble(Double.NaN);
                if (!stated.get(k).isNumber() || !(p > 0 && p <= 1)) {
                    throw session.fail("propensity " + k + " is " + stated.get(k) + "; a probability in (0, 1] was expected", what);
                }
                propensities[k] = p;
            }
        }
        return new Ranking(ranked, propensities);
    }

    @Override
    public void visited(VisitFeedback visit, boolean churned, boolean last) {
        if (parameters.outcomes()) {
            service().tell(Protocol.outcome(visit, churned, last), "the outcome of member " + visit.memberId() + "'s visit at day "
                    + visit.day());
        }
    }

    @Override
    public void learn(FeedbackBatch batch) {
        if (batch.isEmpty() && !service.opened()) {
            return;
        }
        service().exchange(Protocol.learn(batch), "learned", "the feedback of days " + batch.fromDay() + " to " + batch.toDay());
    }

    @Override
    public void retrain(double day) {
        service().exchange(Protocol.retrain(day), "retrained", "the retrain at day " + day);
    }

    @Override
    public void close() {
        service.close();
    }
}

package dev.loopsim.policies.ranking;

import dev.loopsim.core.Validate;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Observation;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.TopTitles;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Page;
import dev.loopsim.policies.features.MemberFeatures;
import dev.loopsim.policies.features.PlayHistory;
import dev.loopsim.policies.features.RecentPlays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A long-term policy in the manner of SlateQ (Ie et al. 2019): the value of a page decomposes
 * into a value per title, Q(s, i), the discounted return of a member in state s who plays i,
 * weighted by the chance they choose it. Q is learned by SARSA-style temporal differences on
 * visit-to-visit transitions: after a visit in state s that played i (or nothing, ⊥) with reward
 * r, the member's next visit, Δ days later, in state s' with page A', gives the target
 * r + γ^Δ · Σ_{j ∈ A' ∪ ⊥} P(j | s', A') Q(s', j), and Q(s, i) moves toward it at rate α. A
 * member who never comes back ends the episode: after {@code terminal_days} the target is r.
 * Since the discount runs per day, titles after which members return sooner are worth more:
 * the policy optimises engagement across visits, not the click of this one.
 *
 * <p>The member's state is the dominant genre of their recent plays (or none yet): what the
 * policy can observe. The choice model is a conditional logit with weights v(s, i), the take
 * rate of i in state s smoothed toward the overall take rate, and v(s, ⊥) = 1. The page is the
 * top of the titles ranked by v(s, i)·(Q(s, i) − Q(s, ⊥)), SlateQ's greedy slate: what a title adds
 * over the member choosing nothing. Q starts at {@code initial_value}, optimistic, so unseen
 * titles get shown; each candidate also jumps to the front with probability {@code exploration}.
 *
 * <p>With {@code values: features}, Q is a function of what the policy observes of the member
 * rather than a table over their dominant genre: Q(x, i) = θ_i · [1, x], with x the visit's
 * {@link Observation} (recent genre shares, visit recency, visit and play counts, tenure, share of
 * plays completed), one weight vector per title and one for ⊥, learned by semi-gradient temporal
 * differences with a normalised step (θ_i += α (target − Q) x / |x|²). The choice model stays
 * the genre-state logit.
 */
public final class SlateQRanker implements Ranker {

    /**
     * @param discountPerDay  γ: the weight of a reward one day later
     * @param learningRate    α of the temporal-difference update
     * @param initialValue    Q before any evidence: optimistic values explore
     * @param exploration     per candidate, the probability of jumping to the front
     * @param priorImpressions the take-rate smoothing: pseudo-impressions at the overall take rate
     * @param terminalDays    a member not back within this many days ends the episode
     */
    public record Parameters(double discountPerDay, double learningRate, double initialValue, double exploration,
                             double priorImpressions, double terminalDays, Values values) {
        public static final Parameters DEFAULTS = new Parameters(0.95, 0.05, 2.0, 0.02, 20, 30, Values.GENRE);

        /** The tabular form over the dominant genre, as before {@code values} existed. */
        public Parameters(double discountPerDay, double learningRate, double initialValue, double exploration,
                          double priorImpressions, double terminalDays) {
            this(discountPerDay, learningRate, initialValue, exploration, priorImpressions, terminalDays, Values.GENRE);
        }

        public Parameters {
            java.util.Objects.requireNonNull(values, "values");
            Validate.inHalfOpenRange("discountPerDay", discountPerDay, 0, 1);
            Validate.inRange("learningRate", learningRate, 0, 1);
            Validate.finite("initialValue", initialValue);
            Validate.inRange("exploration", exploration, 0, 1);
            Validate.positive("priorImpressions", priorImpressions);
            Validate.positive("terminalDays", terminalDays);
        }
    }

    /** What Q is a function of. */
    public enum Values {
        /** A table over the member's state, the dominant genre of their recent plays. */
        GENRE,
        /** A linear function of the visit's observation, one weight vector per title. */
        FEATURES
    }

    /** The last visit of a member, waiting for the next one to complete its transition; x is null in the tabular form. */
    private record Pending(int state, double[] x, int item, double reward, double day) { }

    private final Catalog catalog;
    private final Parameters parameters;
    private final int none;
    private final double[][] q;
    private final double[][] impressions;
    private final double[][] plays;
    private double totalImpressions;
    private double totalPlays;
    private final RecentPlays history = new RecentPlays();
    private final Map<Integer, Pending> pending = new HashMap<>();
    /** With features: θ per title and ⊥ over [1, observation]. */
    private final double[][] theta;
    /**
     * With features: each member's observations as ranked since the last update window, {day, x...},
     * so that learning uses the x the page was chosen on. Written by rank (one shard per member), read by learn.
     */
    private final Map<Integer, java.util.ArrayDeque<double[]>> observed = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, double[]> lastObserved = new HashMap<>();

    public SlateQRanker(Catalog catalog, Parameters parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
        int states = catalog.genreCount() + 1;
        this.none = catalog.size();
        if (parameters.values() == Values.FEATURES) {
            theta = new double[catalog.size() + 1][Observation.size(catalog.genreCount()) + 1];
            for (double[] weights : theta) {
                weights[0] = parameters.initialValue();
            }
        } else {
            theta = null;
        }
        this.q = new double[states][catalog.size() + 1];
        for (double[] row : q) {
            java.util.Arrays.fill(row, parameters.initialValue());
        }
        this.impressions = new double[states][catalog.size()];
        this.plays = new double[states][catalog.size()];
    }

    /** The state: the dominant genre of the recent plays, or the last state (genreCount) with none. */
    int state(PlayHistory history) {
        if (history.count() == 0) {
            return catalog.genreCount();
        }
        double[] shares = MemberFeatures.genreShares(history, catalog);
        int best = 0;
        for (int g = 1; g < shares.length; g++) {
            if (shares[g] > shares[best]) {
                best = g;
            }
        }
        return best;
    }

    /** v(s, i): the smoothed take rate. */
    double choiceWeight(int state, int title) {
        double overall = (totalPlays + 1) / (totalImpressions + 50);
        return (plays[state][title] + parameters.priorImpressions() * overall)
                / (impressions[state][title] + parameters.priorImpressions());
    }

    /** Q(s, i) in the tabular form; {@code title} = -1 for ⊥. */
    public double value(int state, int title) {
        return q[state][title < 0 ? none : title];
    }

    /** Q(x, i) with features, x = [1, observation]; {@code title} = -1 for ⊥. */
    public double value(double[] x, int title) {
        return dev.loopsim.core.world.Vectors.dot(theta[title < 0 ? none : title], x);
    }

    /** Q of a title for a pending or current visit, whichever form the values take. */
    private double q(int state, double[] x, int title) {
        return x == null ? value(state, title) : value(x, title);
    }


    /** Without exploration its ranking draws nothing. */
    @Override
    public boolean deterministic() {
        return parameters.exploration() == 0;
    }

    @Override
    public int[] rank(DecisionContext context, int count) {
        int state = state(PlayHistory.of(context.member()));
        double[] x = theta == null ? null : observe(context);
        int[] candidates = context.available();
        double[] scores = new double[candidates.length];
        var random = context.random();
        double nothing = q(state, x, -1);
        for (int k = 0; k < candidates.length; k++) {
            int title = candidates[k];
            scores[k] = random.nextDouble() < parameters.exploration() ? 1e9 + random.nextDouble()
                    : choiceWeight(state, title) * (q(state, x, title) - nothing);
        }
        return TopTitles.select(candidates, scores, count);
    }

    /** The visit's [1, observation], kept (once per member and day) for the learning that follows the window. */
    private double[] observe(DecisionContext context) {
        double[] x = MemberFeatures.withIntercept(Observation.of(context));
        var queue = observed.computeIfAbsent(context.memberId(), m -> new java.util.ArrayDeque<>());
        double[] entry = new double[x.length + 1];
        entry[0] = context.day();
        System.arraycopy(x, 0, entry, 1, x.length);
        if (!queue.isEmpty() && queue.peekLast()[0] == context.day()) {
            queue.pollLast();
        }
        queue.addLast(entry);
        return x;
    }

    /** The x a visit's page was ranked on; for a visit this ranker did not rank (search), the member's last one. */
    private double[] observedAt(int member, double day) {
        var queue = observed.get(member);
        while (queue != null && !queue.isEmpty() && queue.peekFirst()[0] < day) {
            queue.pollFirst();
        }
        if (queue != null && !queue.isEmpty() && queue.peekFirst()[0] == day) {
            double[] entry = queue.pollFirst();
            lastObserved.put(member, java.util.Arrays.copyOfRange(entry, 1, entry.length));
        }
        double[] last = lastObserved.get(member);
        if (last == null) { // never ranked for yet: a first visit's observation, recency 1 and nothing else
            last = new double[Observation.size(catalog.genreCount()) + 1];
            last[0] = 1;
            last[1 + catalog.genreCount()] = 1;
        }
        return last;
    }

    /** Σ_j P(j | s, A) Q(s, j) over the page's titles and ⊥, under the logit with weights v and v(⊥) = 1. */
    private double pageValue(int state, double[] x, Page page) {
        double weights = 1;
        double value = q(state, x, -1);
        for (int slot = 0; slot < page.slots(); slot++) {
            int title = page.titleAt(slot);
            if (title >= 0) {
                double v = choiceWeight(state, title);
                weights += v;
                value += v * q(state, x, title);
            }
        }
        return value / weights;
    }

    @Override
    public void learn(FeedbackBatch batch) {
        for (VisitFeedback visit : batch.visits()) {
            int member = visit.memberId();
            int state = state(history.of(member));
            double[] x = theta == null ? null : observedAt(member, visit.day());
            double next = visit.searched() ? q(state, x, visit.playedTitle()) : pageValue(state, x, visit.page());
            Pending last = pending.get(member);
            if (last != null) {
                double target = last.reward() + Math.pow(parameters.discountPerDay(), visit.day() - last.day()) * next;
                update(last, target);
            }
            int item = visit.played() ? visit.playedTitle() : -1;
            pending.put(member, new Pending(state, x, item, visit.played() ? visit.watchFraction() : 0, visit.day()));
            Page page = visit.page();
            for (int slot = 0; slot < page.slots(); slot++) {
                int title = page.titleAt(slot);
                if (title >= 0) {
                    impressions[state][title]++;
                    totalImpressions++;
                    if (slot == visit.playedSlot()) {
                        plays[state][title]++;
                        totalPlays++;
                    }
                }
            }
            history.record(visit);
        }
        // Members silent for terminal_days: the episode ended with their last visit.
        Iterator<Pending> waiting = pending.values().iterator();
        while (waiting.hasNext()) {
            Pending last = waiting.next();
            if (batch.toDay() - last.day() > parameters.terminalDays()) {
                update(last, last.reward());
                waiting.remove();
            }
        }
    }

    private void update(Pending transition, double target) {
        int index = transition.item() < 0 ? none : transition.item();
        double[] x = transition.x();
        if (x == null) {
            double[] row = q[transition.state()];
            row[index] += parameters.learningRate() * (target - row[index]);
            return;
        }
        double[] weights = theta[index];
        double error = target - dev.loopsim.core.world.Vectors.dot(weights, x);
        double step = parameters.learningRate() * error / dev.loopsim.core.world.Vectors.dot(x, x);
        for (int k = 0; k < x.length; k++) {
            weights[k] += step * x[k];
        }
    }
}

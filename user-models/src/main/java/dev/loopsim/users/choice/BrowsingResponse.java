package dev.loopsim.users.choice;

import dev.loopsim.core.model.MemberResponse;
import dev.loopsim.core.model.TrueUtility;
import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.world.Artwork;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;
import dev.loopsim.users.dynamics.DynamicsParameters;
import dev.loopsim.users.dynamics.MemberDynamics;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How a member browses a page, in three parts: examination by position, a choice among the
 * examined titles and a no-play option driven by perceived utility (the {@link ChoiceRule} the
 * parameters' {@code type} names), and watching, whose Beta watch fraction has a mean that falls
 * when the artwork misrepresented the title.
 *
 * <p>Pr(examine slot (r, c)) = η_row^r · η_col^c (or the slot's listed probability),
 * independently per slot. Perceived utility of title i shown with artwork a:
 * P = U + w_a·ρ_u·h_a + w_c·(1 − f_a). The default choice is
 * Pr(play i | examined set E) = exp(P_i/τ) / (exp(u_0/τ) + Σ_{j∈E} exp(P_j/τ)). Watch fraction
 * ω ~ Beta(mκ, (1 − m)κ) with m = σ(U − w_d·(1 − f_a)).
 */
public final class BrowsingResponse implements MemberResponse {
    private final ResponseParameters parameters;
    private final LinearUtility utility;
    private final MemberDynamics dynamics;
    private final SearchParameters search;
    private final Examination examination;
    private final ChoiceRule choice;
    private final Watching watching;

    public BrowsingResponse(ResponseParameters parameters) {
        this(parameters, new MemberDynamics(DynamicsParameters.NONE));
    }

    public BrowsingResponse(ResponseParameters parameters, MemberDynamics dynamics) {
        this(parameters, dynamics, SearchParameters.DEFAULTS);
    }

    public BrowsingResponse(ResponseParameters parameters, MemberDynamics dynamics, SearchParameters search) {
        this.search = search;
        this.parameters = parameters;
        this.dynamics = dynamics;
        this.examination = new Examination(parameters.rowDecay(), parameters.columnDecay(), parameters.examination());
        this.choice = ResponseModels.find(parameters.type()).orElseThrow().choice().get();
        this.utility = new LinearUtility(parameters.qualityWeight(), parameters.genreWeight(), parameters.latentWeight(),
                dynamics.parameters().boredomWeight());
        this.watching = new Watching(parameters, utility);
    }

    @Override
    public void prepare(MemberState member, double day) {
        dynamics.advance(member, day);
    }

    @Override
    public void afterPlay(MemberState member, int titleId, int artwork, double day, Catalog catalog) {
        dynamics.afterPlay(member, catalog.title(titleId), artwork, day);
    }

    @Override
    public VisitResponse respond(MemberState member, Page page, Catalog catalog, double day) {
        UniformRandomProvider browse = member.browseStream();
        boolean[] examined = new boolean[page.slots()];
        for (int slot = 0; slot < examined.length; slot++) {
            // One draw per slot, empty or not, so a member's stream advances the same way on any page.
            double u = browse.nextDouble();
            examined[slot] = page.titleAt(slot) >= 0 && u < examinationProbability(page, slot);
        }
        double[] weights = logitWeights(member, page, examined, catalog, day);
        int played = choice.choose(weights, browse);
        double playProbability = choice.playProbability(weights);
        if (played < 0) {
            return new VisitResponse(examined, -1, 0, parameters.noPlaySatisfaction(), playProbability, false);
        }
        Watching.Consumption play = watching.consume(member, catalog.title(page.titleAt(played)), page.artworkAt(played), day);
        return new VisitResponse(examined, played, play.watch(), play.watch(), playProbability, play.completes());
    }

    /**
     * Search turns up {@code candidates} available titles drawn uniformly (with replacement), each
     * with its default artwork, all examined; the member chooses among them and no-play by the
     * page's choice rule, and watches as after a page play.
     */
    @Override
    public SearchResponse search(MemberState member, int[] available, Catalog catalog, double day) {
        UniformRandomProvider browse = member.browseStream();
        int n = Math.min(search.candidates(), available.length);
        int[] found = new int[n];
        for (int i = 0; i < n; i++) {
            found[i] = available[browse.nextInt(available.length)];
        }
        Page results = new Page(1, Math.max(n, 1), List.of("search"), n == 0 ? new int[] {-1} : found);
        boolean[] examined = new boolean[results.slots()];
        for (int i = 0; i < n; i++) {
            examined[i] = true;
        }
        double[] weights = logitWeights(member, results, examined, catalog, day);
        int played = choice.choose(weights, browse);
        if (played < 0) {
            return new SearchResponse(-1, 0, parameters.noPlaySatisfaction(), false);
        }
        Watching.Consumption play = watching.consume(member, catalog.title(found[played]), 0, day);
        return new SearchResponse(found[played], play.watch(), play.watch(), play.completes());
    }

    @Override
    public double playProbability(MemberState member, Page page, boolean[] examined, Catalog catalog, double day) {
        return choice.playProbability(logitWeights(member, page, examined, catalog, day));
    }

    /** Perceived utility P = U + w_a·ρ_u·h_a + w_c·(1 − f_a) of a slot. */
    private double perceivedUtility(MemberState member, Page page, int slot, Catalog catalog, double day) {
        Title title = catalog.title(page.titleAt(slot));
        Artwork artwork = title.artwork(page.artworkAt(slot));
        double perceived = utility.utility(member, title, day) + parameters.clickbaitWeight() * (1 - artwork.fidelity());
        return parameters.artworkWeight() == 0 ? perceived
                : perceived + parameters.artworkWeight() * artwork.themeMatch(member.profile().artworkTasteView());
    }

    /** Examination probability of a slot: η_row^r · η_col^c, or its listed probability. */
    public double examinationProbability(Page page, int slot) {
        return examination.probability(page, slot);
    }

    /**
     * Pr(play slot k) for each slot of a page given the examined slots, in closed form: what
     * {@link #respond} draws from once examination is drawn.
     */
    public double[] slotProbabilities(MemberState member, Page page, boolean[] examined, Catalog catalog, double day) {
        return choice.slotProbabilities(logitWeights(member, page, examined, catalog, day));
    }

    /**
     * Logit weights of the slots, then of no-play, then their total; shifted by the largest
     * utility so that exp never overflows.
     */
    private double[] logitWeights(MemberState member, Page page, boolean[] examined, Catalog catalog, double day) {
        double tau = parameters.temperature();
        double[] scaled = new double[examined.length];
        double max = parameters.noPlayUtility() / tau;
        for (int slot = 0; slot < examined.length; slot++) {
            if (examined[slot]) {
                scaled[slot] = perceivedUtility(member, page, slot, catalog, day) / tau;
                max = Math.max(max, scaled[slot]);
            }
        }
        double[] weights = new double[examined.length + 2];
        double total = 0;
        for (int slot = 0; slot < examined.length; slot++) {
            if (examined[slot]) {
                weights[slot] = Math.exp(scaled[slot] - max);
                total += weights[slot];
            }
        }
        double noPlay = Math.exp(parameters.noPlayUtility() / tau - max);
        weights[examined.length] = noPlay;
        weights[examined.length + 1] = total + noPlay;
        return weights;
    }

    @Override
    public TrueUtility utility() {
        return utility;
    }

    @Override
    public double completionDelayDays() {
        return parameters.completionDelayDays();
    }
}

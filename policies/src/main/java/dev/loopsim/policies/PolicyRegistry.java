package dev.loopsim.policies;

import dev.loopsim.core.policy.Capabilities;
import java.util.List;
import java.util.Optional;
import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.policies.artwork.DefaultArtwork;
import dev.loopsim.policies.artwork.RandomArtwork;
import dev.loopsim.policies.artwork.BanditArtwork;
import dev.loopsim.policies.bandit.BanditAlgorithms;
import dev.loopsim.policies.ranking.BanditRanker;
import java.util.stream.Stream;
import dev.loopsim.policies.ranking.EaseRanker;
import dev.loopsim.policies.ranking.ImplicitAls;
import dev.loopsim.policies.ranking.ItemKnnRanker;
import dev.loopsim.policies.ranking.NewestRanker;
import dev.loopsim.policies.ranking.OracleRanker;
import dev.loopsim.policies.ranking.PopularityRanker;
import dev.loopsim.policies.ranking.RandomRanker;
import dev.loopsim.policies.ranking.SlateQRanker;
import dev.loopsim.policies.ranking.TrendingRanker;
import dev.loopsim.policies.remote.RemoteArtwork;
import dev.loopsim.policies.remote.RemoteRanker;
import dev.loopsim.policies.remote.RemoteRowOrder;
import dev.loopsim.policies.remote.ServiceParameters;
import dev.loopsim.policies.page.BanditRowOrder;
import dev.loopsim.core.policy.RowOrder;

/** Every policy a scenario can name. Register a new one here to make it usable in YAML. */
public final class PolicyRegistry {
    private static final List<PolicyType<?, Ranker>> RANKERS = Stream.<PolicyType<?, Ranker>>concat(Stream.of(
            new PolicyType<>("random", "Uniformly random titles: the floor every policy should beat.",
                    RandomRanker.Parameters.class, new RandomRanker.Parameters(), Capabilities.FIXED, (catalog, p) -> new RandomRanker()),
            new PolicyType<>("popularity", "All-time plays (plus the catalog's popularity prior), refreshed at each retrain.",
                    PopularityRanker.Parameters.class, PopularityRanker.Parameters.DEFAULTS, Capabilities.LEARNS, PopularityRanker::new),
            new PolicyType<>("trending", "What is hot in the last window_days (score: plays, or take-rate smoothed by a prior), refreshed at each retrain: chases what is watched now.",
                    TrendingRanker.Parameters.class, TrendingRanker.Parameters.DEFAULTS, Capabilities.LEARNS, TrendingRanker::new),
            new PolicyType<>("item-knn", "Item-based kNN: cosine similarity of titles' play vectors in the run's own logs, "
                    + "scored against the member's recent plays; refit at each retrain.",
                    ItemKnnRanker.Parameters.class, ItemKnnRanker.Parameters.DEFAULTS, Capabilities.LEARNS, ItemKnnRanker::new),
            new PolicyType<>("ease", "EASE (Steck 2019): closed-form item-item weights from the run's own plays, scored "
                    + "against the member's recent plays; refit at each retrain (O(titles³)).",
                    EaseRanker.Parameters.class, EaseRanker.Parameters.DEFAULTS, Capabilities.LEARNS, EaseRanker::new),
            new PolicyType<>("ials", "Implicit ALS (Hu, Koren and Volinsky 2008) on the run's own plays; refit at each retrain.",
                    ImplicitAls.Parameters.class, ImplicitAls.Parameters.DEFAULTS, Capabilities.LEARNS, ImplicitAls::new),
            new PolicyType<>("slateq", "Long-term value (SlateQ-style): Q(state, title) learned by temporal differences on "
                    + "visit-to-visit transitions with a per-day discount, combined with a learned logit choice model to "
                    + "fill the page; Q a table over the dominant genre (values: genre) or linear in the visit's observation "
                    + "(values: features).", SlateQRanker.Parameters.class, SlateQRanker.Parameters.DEFAULTS,
                    // Exploring by coin flips per candidate, it cannot state the odds of a ranking.
                    (SlateQRanker.Parameters p) -> new Capabilities(true, p.exploration() == 0, false), SlateQRanker::new),
            new PolicyType<>("remote", "A policy that is a service, in any language: loopsim sends it each decision "
                    + "(the member's observable history, the candidates, a seed) in batches, and the feedback of each update "
                    + "window; see the README's \"Bring your own policy\".",
                    RemoteRanker.Parameters.class, RemoteRanker.Parameters.DEFAULTS,
                    (RemoteRanker.Parameters p) -> new Capabilities(true, p.propensities() || p.deterministic(), false),
                    RemoteRanker::new),
            new PolicyType<>("newest", "Most recently released first.",
                    NewestRanker.Parameters.class, new NewestRanker.Parameters(), Capabilities.FIXED, (catalog, p) -> new NewestRanker()),
            PolicyType.seeingTruth("oracle", "True utility, which no real policy sees: the reference for regret.",
                    OracleRanker.Parameters.class, new OracleRanker.Parameters(), (truth, p) -> new OracleRanker(truth))),
            BanditAlgorithms.all().stream().map(PolicyRegistry::rankerBandit)).toList();

    private static final List<PolicyType<?, ArtworkSelector>> ARTWORK = Stream.<PolicyType<?, ArtworkSelector>>concat(Stream.of(
            new PolicyType<>("default", "Every title with its default artwork.",
                    DefaultArtwork.Parameters.class, new DefaultArtwork.Parameters(), Capabilities.FIXED, (catalog, p) -> new DefaultArtwork()),
            new PolicyType<>("random", "A uniformly random artwork of the title's pool.",
                    RandomArtwork.Parameters.class, new RandomArtwork.Parameters(), Capabilities.FIXED, (catalog, p) -> new RandomArtwork()),
            new PolicyType<>("remote", "A policy service chooses the artworks of each page (one request per page, with its "
                    + "titles) and learns from each update window; see the README's \"Bring your own policy\".",
                    ServiceParameters.class, ServiceParameters.DEFAULTS, new Capabilities(true, false, false),
                    RemoteArtwork::new)),
            BanditAlgorithms.all().stream().map(PolicyRegistry::artworkBandit)).toList();

    private static final List<PolicyType<?, RowOrder.Factory>> ROW_ORDERS = Stream.<PolicyType<?, RowOrder.Factory>>concat(Stream.of(
            new PolicyType<>("remote", "A policy service orders each page's rows (one request per page, with the plan's row "
                    + "kinds, before the rows are filled) and learns from each update window; see the README's \"Bring your own "
                    + "policy\".", ServiceParameters.class, ServiceParameters.DEFAULTS,
                    new Capabilities(true, false, false), (catalog, p) -> kinds -> new RemoteRowOrder(catalog, kinds, p))),
            BanditAlgorithms.all().stream().map(PolicyRegistry::rowOrderBandit)).toList();

    private static <P extends Record & BanditAlgorithms.Settings> PolicyType<P, RowOrder.Factory> rowOrderBandit(
            BanditAlgorithms.Type<P> type) {
        String scope = type.contextual()
                ? "Rows by a contextual bandit (each row its own model of the member's genre shares): "
                : "Rows by a bandit with an arm per row: ";
        return new PolicyType<>(type.name(), scope + type.description(), type.parameterType(), type.defaults(),
                type.capabilities(), (catalog, p) -> kinds -> new BanditRowOrder(catalog, kinds, type, p));
    }

    private static <P extends Record & BanditAlgorithms.Settings> PolicyType<P, Ranker> rankerBandit(
            BanditAlgorithms.Type<P> type) {
        String scope = type.contextual()
                ? "Title slots by a contextual bandit (one model of title genres x the member's played genres): "
                : "Title slots by a bandit with an arm per title: ";
        return new PolicyType<>(type.name(), scope + type.description(), type.parameterType(), type.defaults(),
                type.capabilities(), (catalog, p) -> new BanditRanker(catalog, type, p));
    }

    private static <P extends Record & BanditAlgorithms.Settings> PolicyType<P, ArtworkSelector> artworkBandit(
            BanditAlgorithms.Type<P> type) {
        String scope = type.contextual()
                ? "Contextual, one model for all titles (artwork theme x the themes the member played): "
                : "Per title, over its artworks: ";
        return new PolicyType<>(type.name(), scope + type.description(), type.parameterType(), type.defaults(),
                type.capabilities(), (catalog, p) -> new BanditArtwork(catalog, type, p));
    }

    private PolicyRegistry() { }

    public static List<PolicyType<?, Ranker>> rankers() {
        return RANKERS;
    }

    public static Optional<PolicyType<?, Ranker>> ranker(String name) {
        return RANKERS.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<PolicyType<?, ArtworkSelector>> artworkSelectors() {
        return ARTWORK;
    }

    public static Optional<PolicyType<?, ArtworkSelector>> artworkSelector(String name) {
        return ARTWORK.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** What may order a page's rows: a bandit algorithm with an arm per row, or a service. */
    public static List<PolicyType<?, RowOrder.Factory>> rowOrders() {
        return ROW_ORDERS;
    }

    public static Optional<PolicyType<?, RowOrder.Factory>> rowOrder(String name) {
        return ROW_ORDERS.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}

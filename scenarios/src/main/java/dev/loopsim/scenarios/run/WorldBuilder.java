package dev.loopsim.scenarios.run;

import dev.loopsim.core.engine.SimulationSetup;
import dev.loopsim.core.model.WorldTruth;
import dev.loopsim.core.policy.PageBuilder;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.policies.artwork.DefaultArtwork;
import dev.loopsim.policies.page.RowKind;
import dev.loopsim.policies.bandit.BanditAlgorithms;
import dev.loopsim.core.policy.RowOrder;
import dev.loopsim.policies.page.RowsPageBuilder;
import dev.loopsim.scenarios.spec.BanditSpec;
import dev.loopsim.policies.features.MemberFeatures;
import dev.loopsim.policies.features.PlayHistory;
import dev.loopsim.policies.ranking.ExploringRanker;
import dev.loopsim.policies.ranking.OracleRanker;
import dev.loopsim.scenarios.spec.CellSpec;
import dev.loopsim.scenarios.spec.RankerSpec;
import dev.loopsim.scenarios.spec.RowSpec;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import dev.loopsim.users.catalog.CatalogGenerator;
import dev.loopsim.users.choice.BrowsingResponse;
import dev.loopsim.users.dynamics.MemberDynamics;
import dev.loopsim.users.population.PopulationGenerator;
import dev.loopsim.users.visit.Churning;
import dev.loopsim.users.data.MovieLens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires a scenario's specs into runnable simulations. One world per replicate, shared by all
 * cells (titles and member profiles are immutable); each cell gets fresh policies and fresh
 * member state, and the same random streams: common random numbers.
 */
public final class WorldBuilder {
    private final ScenarioSpec spec;
    private final MovieLens movieLens;

    /** Reads the MovieLens data once, when the catalog is calibrated on it (relative paths: from the working folder). */
    public WorldBuilder(ScenarioSpec spec) {
        this.spec = spec;
        var catalog = spec.world().catalog();
        this.movieLens = !catalog.movieLens() ? null
                : catalog.path().isEmpty() ? MovieLens.bundled() : MovieLens.read(Path.of(catalog.path()));
    }

    /**
     * The world of one replicate.
     *
     * @param truth its true utility, which only the oracle is given; lent the members' states by
     *              each simulation while it runs on this world
     */
    public record World(RandomStreams streams, Catalog catalog, List<MemberProfile> members, WorldTruth truth) { }

    public World world(int replicate) {
        RandomStreams streams = RandomStreams.of(spec.seed(), replicate);
        var fitted = spec.world().fitted();
        if (fitted.present()) {
            Catalog catalog = fitted.catalog();
            List<MemberProfile> members = fitted.members(new PopulationGenerator(spec.world().population())
                    .generate(streams, 1, catalog.latentDim(), 1), id -> streams.forMember(id, "context"));
            return new World(streams, catalog, members, new WorldTruth(response().utility()));
        }
        Catalog catalog = new CatalogGenerator(spec.world().catalog(), movieLens).generate(streams.forWorld("catalog"));
        List<MemberProfile> members = new PopulationGenerator(spec.world().population())
                .generate(streams, catalog.genreCount(), catalog.latentDim(), spec.world().catalog().artworkThemes(),
                        movieLens == null ? null : movieLens.tasteDirichlet());
        return new World(streams, catalog, members, new WorldTruth(response().utility()));
    }

    public SimulationSetup setup(World world, CellSpec cell) {
        return setup(world, cell, List.of());
    }

    /**
     * A cell's run in which other rankers learn from the same feedback as the cell's own policies:
     * the targets of off-policy evaluation, trained on the logging policy's data as they would be offline.
     */
    SimulationSetup setup(World world, CellSpec cell, List<Ranker> alsoLearning) {
        PageBuilder pages = pages(world, cell);
        if (!alsoLearning.isEmpty()) {
            pages = new AlsoLearning(pages, alsoLearning);
        }
        return setup(world, pages, cell.retrainEvery().value(),
                cell.searchShare() != null ? cell.searchShare() : spec.world().search().share());
    }

    /** A run of the given pages on this world: the cells of an A/B test share one. */
    SimulationSetup setup(World world, PageBuilder pages, double retrainEveryDays, double searchShare) {
        PageBuilder oracle = spec.metrics().regret() ? oraclePages(world.truth()) : null;
        // A MovieLens or fitted catalog's genres are known only now; a synthetic one's were checked on loading.
        if (spec.world().visits().parameters() instanceof dev.loopsim.users.visit.SelfExcitingParameters visits
                && visits.genreProblem(world.catalog().genreCount()) != null) {
            throw new dev.loopsim.core.ParameterException("world.visits.excitation_by_genre", "world.visits.excitation_by_genre: "
                    + visits.genreProblem(world.catalog().genreCount()));
        }
        return new SimulationSetup(world.catalog(), world.members(), response(),
                new Churning(spec.world().visits().create(), spec.world().churn()), pages, oracle,
                world.streams(), spec.horizonDays(), spec.updateEvery().value(), retrainEveryDays, spec.shards(), searchShare,
                world.truth());
    }

    private BrowsingResponse response() {
        return new BrowsingResponse(spec.world().response(), new MemberDynamics(spec.world().dynamics()), spec.world().search());
    }

    /** The cell's page: its rows, each with a fresh ranker, and its artwork selector. */
    PageBuilder pages(World world, CellSpec cell) {
        var page = spec.page();
        Catalog catalog = world.catalog();
        List<RowsPageBuilder.Row> rows = new ArrayList<>();
        List<RowSpec> plan = cell.rows().isEmpty() ? List.of(new RowSpec("top-picks", cell.ranker(), page.rows())) : cell.rows();
        for (RowSpec row : plan) {
            RankerSpec rankerSpec = row.ranker() != null ? row.ranker()
                    : cell.ranker() != null ? cell.ranker() : RankerSpec.withDefaults(row.defaultRanker());
            Ranker ranker = explored(rankerSpec.create(catalog, world.truth()), cell);
            RowKind kind = RowKind.parse(row.kind(), catalog.genreCount(), page.newReleaseDays());
            rows.add(new RowsPageBuilder.Row(kind, ranker, row.count()));
        }
        RowOrder order = cell.rowOrder() == null ? null
                : cell.rowOrder().create(catalog, rows.stream().map(r -> r.kind().label()).toList());
        return new RowsPageBuilder(rows, page.rows(), page.columns(), cell.artwork().create(catalog), order);
    }

    /** A page builder whose feedback and retrains also reach other rankers. */
    private record AlsoLearning(PageBuilder pages, List<Ranker> others) implements PageBuilder {
        @Override
        public dev.loopsim.core.world.Page build(dev.loopsim.core.policy.DecisionContext context) {
            return pages.build(context);
        }

        @Override
        public void learn(dev.loopsim.core.policy.FeedbackBatch batch) {
            pages.learn(batch);
            others.forEach(ranker -> ranker.learn(batch));
        }

        @Override
        public void retrain(double day) {
            pages.retrain(day);
            others.forEach(ranker -> ranker.retrain(day));
        }

        @Override
        public void visited(dev.loopsim.core.policy.VisitFeedback visit, boolean churned, boolean last) {
            pages.visited(visit, churned, last);
        }

        @Override
        public void close() {
            pages.close();
            others.forEach(Ranker::close);
        }
    }

    private static Ranker explored(Ranker ranker, CellSpec cell) {
        return cell.explore() > 0 ? new ExploringRanker(ranker, cell.explore()) : ranker;
    }

    /** A fresh instance of a one-title cell's ranker (with its exploration), for asking what it would choose. */
    Ranker ranker(World world, CellSpec cell) {
        return explored(cell.ranker().create(world.catalog(), world.truth()), cell);
    }

    /** The ranker of each row kind of a cell, as event logs name it: {@code popularity}, {@code oracle+explore:0.1}. */
    static java.util.function.Function<String, String> policyOfRow(CellSpec cell) {
        java.util.Map<String, String> byKind = new java.util.HashMap<>();
        String suffix = cell.explore() > 0 ? "+explore:" + cell.explore() : "";
        if (cell.rows().isEmpty()) {
            byKind.put("top-picks", cell.ranker().type() + suffix);
        }
        for (RowSpec row : cell.rows()) {
            RankerSpec ranker = row.ranker() != null ? row.ranker()
                    : cell.ranker() != null ? cell.ranker() : RankerSpec.withDefaults(row.defaultRanker());
            byKind.putIfAbsent(row.kind(), ranker.type() + suffix);
        }
        return kind -> byKind.getOrDefault(kind, "");
    }

    /** What a policy may observe of a member, as a context key: the genre they played most recently ("none" before any play). */
    static java.util.function.Function<dev.loopsim.core.policy.DecisionContext, String> contextKey(Catalog catalog) {
        return context -> {
            double[] shares = MemberFeatures.genreShares(PlayHistory.of(context.member()), catalog);
            int best = -1;
            for (int g = 0; g < shares.length; g++) {
                if (shares[g] > 0 && (best < 0 || shares[g] > shares[best])) {
                    best = g;
                }
            }
            return best < 0 ? "none" : "genre:" + best;
        };
    }

    /** The oracle's page: top-picks by true utility on every row, default artwork. */
    private PageBuilder oraclePages(WorldTruth truth) {
        var page = spec.page();
        var row = new RowsPageBuilder.Row(RowKind.parse("top-picks", 1, page.newReleaseDays()), new OracleRanker(truth), page.rows());
        return new RowsPageBuilder(List.of(row), page.rows(), page.columns(), new DefaultArtwork());
    }
}

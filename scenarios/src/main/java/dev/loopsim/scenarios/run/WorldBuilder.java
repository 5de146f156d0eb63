package dev.loopsim.scenarios.run;

import dev.loopsim.core.engine.SimulationSetup;
import dev.loopsim.core.policy.PageBuilder;
import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.policies.page.RowPageBuilder;
import dev.loopsim.policies.ranking.OracleRanker;
import dev.loopsim.scenarios.spec.CellSpec;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import dev.loopsim.users.catalog.CatalogGenerator;
import dev.loopsim.users.choice.PositionBasedLogit;
import dev.loopsim.users.dynamics.MemberDynamics;
import dev.loopsim.users.population.PopulationGenerator;
import dev.loopsim.users.visit.Churning;
import java.util.List;

/**
 * Wires a scenario's specs into runnable simulations. One world per replicate, shared by all
 * cells (titles and member profiles are immutable); each cell gets fresh policies and fresh
 * member state, and the same random streams: common random numbers.
 */
public final class WorldBuilder {
    private final ScenarioSpec spec;

    public WorldBuilder(ScenarioSpec spec) {
        this.spec = spec;
    }

    /** The world of one replicate. */
    public record World(RandomStreams streams, Catalog catalog, List<MemberProfile> members) { }

    public World world(int replicate) {
        RandomStreams streams = RandomStreams.of(spec.seed(), replicate);
        Catalog catalog = new CatalogGenerator(spec.world().catalog()).generate(streams.forWorld("catalog"));
        List<MemberProfile> members = new PopulationGenerator(spec.world().population())
                .generate(streams, catalog.genreCount(), catalog.latentDim(), spec.world().catalog().artworkThemes());
        return new World(streams, catalog, members);
    }

    public SimulationSetup setup(World world, CellSpec cell) {
        var page = spec.page();
        PageBuilder pages = new RowPageBuilder(page.rows(), page.columns(),
                cell.ranker().policyType().create(world.catalog(), cell.ranker().parameters()));
        PageBuilder oracle = spec.metrics().regret()
                ? new RowPageBuilder(page.rows(), page.columns(), new OracleRanker()) : null;
        return new SimulationSetup(world.catalog(), world.members(), new PositionBasedLogit(spec.world().response(), new MemberDynamics(spec.world().dynamics())),
                new Churning(spec.world().visits().create(), spec.world().churn()), pages, oracle, world.streams(), spec.horizonDays(),
                spec.updateEvery().value(), cell.retrainEvery().value(), spec.shards());
    }

}

package dev.loopsim.scenarios.spec;

import dev.loopsim.users.catalog.CatalogParameters;
import dev.loopsim.users.catalog.FittedWorld;
import dev.loopsim.users.choice.ResponseParameters;
import dev.loopsim.users.choice.SearchParameters;
import dev.loopsim.users.dynamics.DynamicsParameters;
import dev.loopsim.users.population.PopulationParameters;
import dev.loopsim.users.visit.ChurnParameters;
import java.util.Objects;

/**
 * The simulated world: catalog, members, how they respond to pages, how they change, when they
 * visit, and when they leave; {@code fitted}, when present, replaces the generated catalog and
 * tastes with the items and contexts learned from a click log.
 */
public record WorldSpec(CatalogParameters catalog, PopulationParameters population, ResponseParameters response,
                        DynamicsParameters dynamics, VisitSpec visits, ChurnParameters churn, SearchParameters search,
                        FittedWorld fitted) {
    public static final WorldSpec DEFAULTS = new WorldSpec(CatalogParameters.DEFAULTS, PopulationParameters.DEFAULTS,
            ResponseParameters.DEFAULTS, DynamicsParameters.DEFAULTS, VisitSpec.DEFAULTS, ChurnParameters.DEFAULTS,
            SearchParameters.DEFAULTS, FittedWorld.NONE);

    public WorldSpec {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(visits, "visits");
        Objects.requireNonNull(churn, "churn");
        Objects.requireNonNull(search, "search");
        fitted = fitted == null ? FittedWorld.NONE : fitted;
    }
}

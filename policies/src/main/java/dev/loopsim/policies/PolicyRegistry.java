package dev.loopsim.policies;

import java.util.List;
import java.util.Optional;
import dev.loopsim.policies.ranking.OracleRanker;
import dev.loopsim.policies.ranking.PopularityRanker;
import dev.loopsim.policies.ranking.RandomRanker;

/** Every ranker a scenario can name. Register a new one here to make it usable in YAML. */
public final class PolicyRegistry {
    private static final List<PolicyType<?>> RANKERS = List.of(
            new PolicyType<>("random", "Uniformly random titles: the floor every policy should beat.",
                    RandomRanker.Parameters.class, new RandomRanker.Parameters(), (catalog, p) -> new RandomRanker()),
            new PolicyType<>("popularity", "All-time plays (plus the catalog's popularity prior), refreshed at each retrain.",
                    PopularityRanker.Parameters.class, PopularityRanker.Parameters.DEFAULTS, PopularityRanker::new),
            new PolicyType<>("oracle", "True utility, which no real policy sees: the reference for regret.",
                    OracleRanker.Parameters.class, new OracleRanker.Parameters(), (catalog, p) -> new OracleRanker()));

    private PolicyRegistry() { }

    public static List<PolicyType<?>> rankers() {
        return RANKERS;
    }

    public static Optional<PolicyType<?>> ranker(String name) {
        return RANKERS.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}

package dev.loopsim.core.engine;

import java.util.List;
import java.util.Objects;
import dev.loopsim.core.model.MemberResponse;
import dev.loopsim.core.model.VisitModel;
import dev.loopsim.core.model.WorldTruth;
import dev.loopsim.core.policy.PageBuilder;
import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberProfile;

/**
 * Everything one run needs: the world, the member models, the cell's policy stack and the
 * timing of global events.
 *
 * @param catalog          the titles
 * @param members          the members, in id order
 * @param response         how members respond to pages
 * @param visits           when members visit
 * @param pages            the cell's page builder (its policies)
 * @param oraclePages      the oracle's page builder, to measure expected regret; null to skip
 * @param streams          the random streams of this replicate
 * @param horizonDays      length of the run in days
 * @param updateEveryDays  interval between policy updates, in days (> 0)
 * @param retrainEveryDays interval between batch retrains, in days; 0 for never
 * @param shards           number of member shards; fixed per scenario, never per thread count,
 *                         so that results do not depend on how many threads run them
 * @param searchShare      the probability that a visit goes to search instead of the page: the
 *                         open-loop share, plays no policy chose
 * @param truth            the world's truth, which the run lends its members' states to while it
 *                         runs (for the oracle, the only policy given it); null if no policy sees it
 */
public record SimulationSetup(Catalog catalog, List<MemberProfile> members, MemberResponse response,
                              VisitModel visits, PageBuilder pages, PageBuilder oraclePages,
                              RandomStreams streams, double horizonDays, double updateEveryDays,
                              double retrainEveryDays, int shards, double searchShare, WorldTruth truth) {

    public SimulationSetup {
        Objects.requireNonNull(catalog, "catalog");
        members = List.copyOf(members);
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(visits, "visits");
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(streams, "streams");
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id() != i) {
                throw new IllegalArgumentException("member ids must be dense and ordered: index " + i
                        + " holds id " + members.get(i).id());
            }
        }
        if (!(horizonDays > 0) || Double.isInfinite(horizonDays)) {
            throw new IllegalArgumentException("horizonDays must be positive and finite, found " + horizonDays);
        }
        if (!(updateEveryDays > 0)) {
            throw new IllegalArgumentException("updateEveryDays must be > 0, found " + updateEveryDays);
        }
        if (!(retrainEveryDays >= 0)) {
            throw new IllegalArgumentException("retrainEveryDays must be >= 0, found " + retrainEveryDays);
        }
        if (!(searchShare >= 0 && searchShare <= 1)) {
            throw new IllegalArgumentException("searchShare must be in [0, 1], found " + searchShare);
        }
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be >= 1, found " + shards);
        }
    }
}

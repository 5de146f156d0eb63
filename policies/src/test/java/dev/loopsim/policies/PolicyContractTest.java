package dev.loopsim.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.world.Catalog;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every registered ranker must do; a new one is covered the moment it is registered. */
class PolicyContractTest {

    static Stream<PolicyType<?, Ranker>> rankers() {
        return PolicyRegistry.rankers().stream();
    }

    private static Ranker create(PolicyType<?, Ranker> type, Catalog catalog) {
        return type.create(catalog, type.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankers")
    void returnsDistinctAvailableTitlesUpToTheCount(PolicyType<?, Ranker> type) {
        Catalog catalog = Worlds.catalog(40);
        Ranker ranker = create(type, catalog);
        for (int count : new int[] {0, 1, 10, 40, 60}) {
            int[] ranked = ranker.rank(Worlds.context(catalog, Worlds.member(1, 5)), count);
            assertThat(ranked).hasSize(Math.min(count, 40));
            assertThat(Arrays.stream(ranked).distinct().count()).isEqualTo(ranked.length);
            assertThat(Arrays.stream(ranked).allMatch(id -> id >= 0 && id < 40)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankers")
    void ranksMembersWithHistoryBeforeAndAfterLearning(PolicyType<?, Ranker> type) {
        Catalog catalog = Worlds.catalog(40);
        Ranker ranker = create(type, catalog);
        var member = Worlds.member(5, 2);
        member.recordPlay(3, 0.5);
        member.recordPlay(17, 0.7);
        assertThat(ranker.rank(Worlds.context(catalog, member), 10)).hasSize(10); // history, nothing learned yet
        ranker.learn(Worlds.plays(1, 3, 17, 3, 22));
        ranker.retrain(1);
        var other = Worlds.member(6, 2); // played after the fit: unknown to it
        other.recordPlay(8, 1.5);
        assertThat(ranker.rank(Worlds.context(catalog, member), 10)).hasSize(10);
        assertThat(ranker.rank(Worlds.context(catalog, other), 10)).hasSize(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankers")
    void isDeterministicUnderTheSameStreams(PolicyType<?, Ranker> type) {
        Catalog catalog = Worlds.catalog(40);
        int[] first = create(type, catalog).rank(Worlds.context(catalog, Worlds.member(3, 9)), 20);
        int[] again = create(type, catalog).rank(Worlds.context(catalog, Worlds.member(3, 9)), 20);
        assertThat(again).containsExactly(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankers")
    void onlyRanksTheTitlesItIsOffered(PolicyType<?, Ranker> type) {
        Catalog catalog = Worlds.catalog(40);
        Ranker ranker = create(type, catalog);
        var member = Worlds.member(1, 5);
        int[] offered = {3, 7, 11, 19};
        var context = new dev.loopsim.core.policy.DecisionContext(member, 1.0, catalog, offered, member.policyStream(), Worlds.QUALITY);
        assertThat(ranker.rank(context, 10)).containsExactlyInAnyOrder(offered);
        int[] two = ranker.rank(context, 2);
        assertThat(two).hasSize(2);
        assertThat(offered).contains(two);
    }

    static Stream<PolicyType<?, ArtworkSelector>> artworkSelectors() {
        return PolicyRegistry.artworkSelectors().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("artworkSelectors")
    void artworkSelectorsChooseFromThePoolDeterministically(PolicyType<?, ArtworkSelector> type) {
        Catalog catalog = Worlds.catalogWithArtworks(20, 4);
        int[] first = new int[20];
        int[] again = new int[20];
        for (int round = 0; round < 2; round++) {
            ArtworkSelector selector = type.create(catalog, type.defaults());
            var context = Worlds.context(catalog, Worlds.member(7, 3));
            for (int t = 0; t < 20; t++) {
                int chosen = selector.select(context, catalog.title(t));
                assertThat(chosen).isBetween(0, 3);
                (round == 0 ? first : again)[t] = chosen;
            }
            assertThat(selector.unpersonalized(catalog.title(0))).isBetween(0, 3);
        }
        assertThat(again).containsExactly(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankers")
    void defaultsAreAValidParameterRecord(PolicyType<?, Ranker> type) {
        assertThat(type.parameterType().isInstance(type.defaults())).isTrue();
        assertThat(type.name()).matches("[a-z][a-z0-9-]*");
        assertThat(type.description()).isNotBlank();
    }
}

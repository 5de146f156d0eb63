package dev.loopsim.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.policies.remote.RemoteRankerTest;
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
        return type.create(catalog, Worlds.TRUTH, parameters(type));
    }

    /** The defaults, except that a remote ranker needs a service: the README's Python example. */
    private static Record parameters(PolicyType<?, Ranker> type) {
        return type.name().equals("remote") ? RemoteRankerTest.PYTHON_EXAMPLE : type.defaults();
    }

    /**
     * Built with a truth that fails when consulted, every ranker but the ones that declare they see
     * the truth decides, learns and retrains without touching it; the oracle cannot do without it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rankers")
    void onlyAPolicyThatDeclaresItSeesTheTruthCanReachIt(PolicyType<?, Ranker> type) {
        Catalog catalog = Worlds.catalog(40);
        var tripwire = Worlds.truthFor((member, title, day) -> {
            throw new IllegalStateException(type.name() + " reached the true utility");
        });
        Ranker ranker = type.create(catalog, tripwire, parameters(type));
        var member = Worlds.member(5, 2);
        member.recordPlay(3, 0.5);
        Runnable decide = () -> {
            ranker.rank(Worlds.context(catalog, member), 10);
            ranker.rankWithPropensities(Worlds.context(catalog, member), 10);
            ranker.learn(Worlds.plays(1, 3, 17, 3, 22));
            ranker.retrain(1);
            ranker.rank(Worlds.context(catalog, member), 10);
        };
        if (type.capabilities(type.defaults()).seesTruth()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(decide::run).hasMessageContaining("reached the true utility");
        } else {
            decide.run();
        }
    }

    @org.junit.jupiter.api.Test
    void theOracleAloneSeesTheTruth() {
        assertThat(rankers().filter(t -> t.capabilities(t.defaults()).seesTruth()).map(PolicyType::name))
                .containsExactly("oracle");
        assertThat(PolicyRegistry.artworkSelectors()).noneMatch(t -> t.capabilities(t.defaults()).seesTruth());
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
        var context = new dev.loopsim.core.policy.DecisionContext(member.history(), 1.0, catalog, offered, member.policyStream());
        assertThat(ranker.rank(context, 10)).containsExactlyInAnyOrder(offered);
        int[] two = ranker.rank(context, 2);
        assertThat(two).hasSize(2);
        assertThat(offered).contains(two);
    }

    /** Rankers that do not learn which titles get played: uniform chance, and release order. */
    private static final java.util.Set<String> NOT_LEARNING = java.util.Set.of("random", "newest");

    static Stream<PolicyType<?, Ranker>> learningRankers() {
        return rankers().filter(t -> !NOT_LEARNING.contains(t.name()));
    }

    /**
     * A simple world: 40 titles, title i played with probability i/80 each time it is shown in
     * the top 5 (examined in order until a play), whose popularity prior is a noisy reading of that
     * (i plus uniform noise of width 20, as a real prior is correlated with quality), by 200 members, with feedback and a retrain every 50 visits. Uniformly random
     * pages show titles of mean index 19.5; every learning ranker must show markedly better ones
     * (mean index above 25) over the last 1,000 of 3,000 visits.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("learningRankers")
    void beatsRandomOnASimpleWorld(PolicyType<?, Ranker> type) {
        var noise = Worlds.member(998, 4).consumeStream();
        java.util.List<dev.loopsim.core.world.Title> titles = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            titles.add(new dev.loopsim.core.world.Title(i, new double[] {1}, new double[] {0}, i / 40.0, 0,
                    i + 20 * noise.nextDouble(), false));
        }
        Catalog catalog = new Catalog(titles, 1, 1);
        Ranker ranker = create(type, catalog);
        var members = new dev.loopsim.core.world.MemberState[200];
        for (int m = 0; m < members.length; m++) {
            members[m] = Worlds.member(m, 1000 + m);
        }
        var world = Worlds.member(999, 5).consumeStream();
        java.util.List<dev.loopsim.core.policy.VisitFeedback> batch = new java.util.ArrayList<>();
        double shownIndex = 0;
        int counted = 0;
        for (int visit = 0; visit < 3000; visit++) {
            var member = members[world.nextInt(members.length)];
            double day = visit / 100.0;
            var context = new dev.loopsim.core.policy.DecisionContext(member.history(), day, catalog,
                    java.util.stream.IntStream.range(0, 40).toArray(), member.policyStream());
            int[] shown = ranker.rank(context, 5);
            int played = -1;
            for (int slot = 0; slot < shown.length && played < 0; slot++) {
                if (world.nextDouble() < shown[slot] / 40.0 * 0.5) {
                    played = slot;
                }
            }
            if (played >= 0) {
                member.recordPlay(shown[played], day);
            }
            batch.add(new dev.loopsim.core.policy.VisitFeedback(day, member.id(),
                    new dev.loopsim.core.world.Page(1, 5, java.util.List.of("top-picks"), shown), played, played < 0 ? 0 : 0.8));
            if (batch.size() == 50) {
                ranker.learn(new dev.loopsim.core.policy.FeedbackBatch(day - 0.5, day, batch, java.util.List.of()));
                ranker.retrain(day);
                batch.clear();
            }
            if (visit >= 2000) {
                for (int title : shown) {
                    shownIndex += title;
                    counted++;
                }
            }
        }
        assertThat(shownIndex / counted).isGreaterThan(25);
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
            ArtworkSelector selector = type.create(catalog, null, type.name().equals("remote")
                    ? RemoteRankerTest.PYTHON_ARTWORK_EXAMPLE : type.defaults());
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

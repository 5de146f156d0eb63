package dev.loopsim.policies.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;
import dev.loopsim.policies.Worlds;
import dev.loopsim.policies.artwork.DefaultArtwork;
import dev.loopsim.policies.ranking.NewestRanker;
import dev.loopsim.policies.ranking.OracleRanker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowsPageBuilderTest {

    /** Eight titles of genres (id % 2); titles 6 and 7 are series, title 5 released on day 9. */
    private static Catalog catalog() {
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double[] genres = i % 2 == 0 ? new double[] {1, 0} : new double[] {0, 1};
            titles.add(new Title(i, genres, new double[] {0}, i / 8.0, i == 5 ? 9 : 0, 1, i >= 6));
        }
        return new Catalog(titles, 2, 1);
    }

    private static DecisionContext context(Catalog catalog, double day, dev.loopsim.core.world.MemberState member) {
        return new DecisionContext(member.history(), day, catalog, java.util.stream.IntStream.range(0, 8).toArray(),
                member.policyStream());
    }

    @Test
    void rowsFollowThePlanWithoutRepeatingATitle() {
        Catalog catalog = catalog();
        var member = Worlds.member(0, 1);
        member.recordPlay(6, 1.0);   // a series, not completed: continue watching
        member.recordPlay(3, 2.0);   // latest play, genre 1: because-you-watched shows genre 1
        var oracle = new OracleRanker(Worlds.TRUTH);
        var builder = new RowsPageBuilder(List.of(
                new RowsPageBuilder.Row(RowKind.parse("continue-watching", 2, 30), oracle),
                new RowsPageBuilder.Row(RowKind.parse("because-you-watched", 2, 30), oracle),
                new RowsPageBuilder.Row(RowKind.parse("new-releases", 2, 5), new NewestRanker()),
                new RowsPageBuilder.Row(RowKind.parse("genre:0", 2, 30), oracle),
                new RowsPageBuilder.Row(RowKind.parse("top-picks", 2, 30), oracle)), 5, 2, new DefaultArtwork());
        Page page = builder.build(context(catalog, 10, member));
        // continue-watching: 6 (a series not completed); because-you-watched (genre 1 like title 3, not 3 itself,
        // not 6 already placed): 7 then 5 by utility; new-releases (released in the last 5 days): only 5, already
        // placed, so that row is left out; genre:0 by utility: 4, 2; top-picks, what is left: 3, 1.
        assertThat(page.rowKinds()).containsExactly("continue-watching", "because-you-watched", "genre:0", "top-picks");
        assertThat(page.titles()).containsExactly(6, -1, 7, 5, 4, 2, 3, 1);
        long distinct = Arrays.stream(page.titles()).filter(t -> t >= 0).distinct().count();
        assertThat(distinct).isEqualTo(Arrays.stream(page.titles()).filter(t -> t >= 0).count());
    }

    @Test
    void completedSeriesLeaveContinueWatching() {
        Catalog catalog = catalog();
        var member = Worlds.member(0, 1);
        member.recordPlay(6, 1.0);
        member.recordPlay(7, 2.0);
        member.recordCompletion(7);
        var row = new RowsPageBuilder.Row(RowKind.parse("continue-watching", 2, 30), new OracleRanker(Worlds.TRUTH));
        Page page = new RowsPageBuilder(List.of(row), 1, 3, new DefaultArtwork()).build(context(catalog, 10, member));
        assertThat(page.titles()).containsExactly(6, -1, -1);
    }

    @Test
    void emptyRowsAreLeftOutAndThePageHasAtMostMaxRows() {
        Catalog catalog = catalog();
        var member = Worlds.member(0, 1); // no plays: no continue-watching, no because-you-watched
        var oracle = new OracleRanker(Worlds.TRUTH);
        var builder = new RowsPageBuilder(List.of(
                new RowsPageBuilder.Row(RowKind.parse("continue-watching", 2, 30), oracle),
                new RowsPageBuilder.Row(RowKind.parse("because-you-watched", 2, 30), oracle),
                new RowsPageBuilder.Row(RowKind.parse("top-picks", 2, 30), oracle),
                new RowsPageBuilder.Row(RowKind.parse("top-picks", 2, 30), oracle),
                new RowsPageBuilder.Row(RowKind.parse("top-picks", 2, 30), oracle)), 2, 3, new DefaultArtwork());
        Page page = builder.build(context(catalog, 10, member));
        assertThat(page.rowKinds()).containsExactly("top-picks", "top-picks");
        assertThat(page.titles()).containsExactly(7, 6, 5, 4, 3, 2);
    }

    @Test
    void aFailingArtworkSelectorFallsBackToItsUnpersonalisedChoiceThenTheDefault() {
        Catalog catalog = Worlds.catalogWithArtworks(4, 3);
        var member = Worlds.member(0, 1);
        ArtworkSelector failsThenUnpersonalised = new ArtworkSelector() {
            @Override
            public int select(DecisionContext context, Title title) {
                throw new IllegalStateException("model not loaded");
            }

            @Override
            public int unpersonalized(Title title) {
                return 2;
            }
        };
        ArtworkSelector outOfRangeThenFails = new ArtworkSelector() {
            @Override
            public int select(DecisionContext context, Title title) {
                return 17;
            }

            @Override
            public int unpersonalized(Title title) {
                throw new IllegalStateException("no fallback either");
            }
        };
        var row = new RowsPageBuilder.Row(RowKind.parse("top-picks", 1, 30), new OracleRanker(Worlds.TRUTH));
        Page first = new RowsPageBuilder(List.of(row), 1, 4, failsThenUnpersonalised).build(Worlds.context(catalog, member));
        assertThat(first.artworks()).containsExactly(2, 2, 2, 2);
        Page second = new RowsPageBuilder(List.of(row), 1, 4, outOfRangeThenFails).build(Worlds.context(catalog, member));
        assertThat(second.artworks()).containsExactly(0, 0, 0, 0);
    }
}

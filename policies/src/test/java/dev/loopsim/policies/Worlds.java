package dev.loopsim.policies;

import dev.loopsim.core.model.TrueUtility;
import dev.loopsim.core.model.WorldTruth;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Small worlds for policy tests: title i has quality i/n and popularity prior n − i. */
public final class Worlds {
    /** True utility = quality, so the oracle's order is by descending id. */
    public static final TrueUtility QUALITY = (member, title, day) -> title.quality();

    /** {@link #QUALITY} as the oracle is given it, for members 0 to 999 (it ignores their state). */
    public static final WorldTruth TRUTH = truthFor(QUALITY);

    /** A world's truth over the given utility, lent members 0 to 999. */
    public static WorldTruth truthFor(TrueUtility utility) {
        WorldTruth truth = new WorldTruth(utility);
        truth.bind(IntStream.range(0, 1000).mapToObj(id -> member(id, id)).toList());
        return truth;
    }

    private Worlds() { }

    public static Catalog catalog(int n) {
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            titles.add(new Title(i, new double[] {1}, new double[] {0}, (double) i / n, 0, n - i, false));
        }
        return new Catalog(titles, 1, 1);
    }

    /** Like {@link #catalog}, with k artworks per title: artwork a has theme a and fidelity 1 − a/k. */
    public static Catalog catalogWithArtworks(int n, int k) {
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<dev.loopsim.core.world.Artwork> artworks = new ArrayList<>();
            for (int a = 0; a < k; a++) {
                double[] theme = new double[k];
                theme[a] = 1;
                artworks.add(new dev.loopsim.core.world.Artwork(a, theme, 1 - (double) a / k));
            }
            titles.add(new Title(i, new double[] {1}, new double[] {0}, (double) i / n, 0, n - i, false, artworks));
        }
        return new Catalog(titles, 1, 1);
    }

    public static MemberState member(int id, long seed) {
        return Members.member(id, 1, new double[] {1}, new double[] {0}, 10, seed);
    }

    public static DecisionContext context(Catalog catalog, MemberState member) {
        return new DecisionContext(member.history(), 1.0, catalog, IntStream.range(0, catalog.size()).toArray(),
                member.policyStream());
    }

    /** A batch in which the given titles were each played once. */
    public static FeedbackBatch plays(double day, int... titles) {
        List<VisitFeedback> visits = new ArrayList<>();
        for (int title : titles) {
            visits.add(new VisitFeedback(day, 0, new Page(1, 1, List.of("top-picks"), new int[] {title}), 0, 0.9));
        }
        return new FeedbackBatch(day - 1, day, visits, List.of());
    }
}

package dev.loopsim.policies.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Page;
import dev.loopsim.policies.Worlds;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class ItemItemRankersTest {
    /** Five members × four titles. */
    private static final double[][] X = {
        {1, 1, 0, 0},
        {1, 1, 1, 0},
        {0, 1, 1, 0},
        {0, 0, 1, 1},
        {1, 0, 0, 1}};

    private static double[][] gram() {
        RealMatrix x = new Array2DRowRealMatrix(X);
        return x.transpose().multiply(x).getData();
    }

    @Test
    void easeEqualsColumnwiseRidgeRegressionWithAZeroDiagonal() {
        double lambda = 0.7;
        double[][] b = EaseRanker.fit(gram(), lambda);
        RealMatrix x = new Array2DRowRealMatrix(X);
        int n = 4;
        for (int column = 0; column < n; column++) {
            final int j = column;
            assertThat(b[j][j]).isZero();
            // b_{-j} = (X_{-j}ᵀX_{-j} + λI)⁻¹ X_{-j}ᵀ x_j: the same minimiser, derived without the Lagrangian.
            int[] others = java.util.stream.IntStream.range(0, n).filter(i -> i != j).toArray();
            RealMatrix xo = x.getSubMatrix(java.util.stream.IntStream.range(0, X.length).toArray(), others);
            RealMatrix a = xo.transpose().multiply(xo);
            for (int i = 0; i < others.length; i++) {
                a.addToEntry(i, i, lambda);
            }
            RealVector rhs = xo.transpose().operate(x.getColumnVector(j));
            RealVector expected = new LUDecomposition(a).getSolver().solve(rhs);
            for (int i = 0; i < others.length; i++) {
                assertThat(b[others[i]][j]).as("B[%d][%d]", others[i], j).isCloseTo(expected.getEntry(i), offset(1e-10));
            }
        }
    }

    /** The hand-written inverse must be Commons Math's, bit for bit: bundled results depend on every bit. */
    @Test
    void easeInverseIsCommonsMathsCholeskyInverseBitForBit() {
        var random = new java.util.SplittableRandom(17);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(40);
            int members = 1 + random.nextInt(60);
            boolean weighted = trial % 2 == 1; // IPS-weighted plays: a Gram matrix of non-integers
            double[][] plays = new double[members][n];
            for (double[] row : plays) {
                for (int i = 0; i < n; i++) {
                    row[i] = random.nextDouble() < 0.3 ? (weighted ? 1 + 9 * random.nextDouble() : 1) : 0;
                }
            }
            RealMatrix x = new Array2DRowRealMatrix(plays);
            RealMatrix g = x.transpose().multiply(x);
            double lambda = trial % 3 == 0 ? 0.5 : 10;
            for (int i = 0; i < n; i++) {
                g.addToEntry(i, i, lambda);
            }
            double[][] expected = new org.apache.commons.math3.linear.CholeskyDecomposition(g).getSolver().getInverse().getData();
            double[][] actual = EaseRanker.inverse(g.getData());
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(Double.doubleToRawLongBits(actual[i][j])).as("trial %d, (%d, %d)", trial, i, j)
                            .isEqualTo(Double.doubleToRawLongBits(expected[i][j]));
                }
            }
        }
    }

    @Test
    void itemKnnKeepsTheKMostCosineSimilarNeighbours() {
        double[][] s = ItemKnnRanker.fit(gram(), 2);
        double[][] g = gram();
        // Title 1's play vector overlaps title 0 in 2 members (cos 2/√(3·3)) and title 2 in 2 (2/√(3·3)); title 3 in 0.
        assertThat(s[1][0]).isCloseTo(2 / Math.sqrt(g[1][1] * g[0][0]), offset(1e-12));
        assertThat(s[1][2]).isCloseTo(2 / Math.sqrt(g[1][1] * g[2][2]), offset(1e-12));
        assertThat(s[1][3]).isZero();
        for (double[] row : s) {
            assertThat(java.util.Arrays.stream(row).filter(v -> v != 0).count()).isLessThanOrEqualTo(2);
        }
        assertThat(s[2][2]).isZero();
    }

    @Test
    void theGramMatrixComesFromTheFeedbackAndIgnoresReplays() {
        List<VisitFeedback> visits = new ArrayList<>();
        for (int member = 0; member < X.length; member++) {
            for (int title = 0; title < 4; title++) {
                if (X[member][title] == 1) {
                    visits.add(new VisitFeedback(1, member, new Page(1, 1, List.of("top-picks"), new int[] {title}), 0, 0.9));
                    visits.add(new VisitFeedback(2, member, new Page(1, 1, List.of("top-picks"), new int[] {title}), 0, 0.9));
                }
            }
        }
        CoOccurrence plays = new CoOccurrence(4);
        plays.learn(new FeedbackBatch(0, 3, visits, List.of()));
        double[][] expected = gram();
        for (int i = 0; i < 4; i++) {
            assertThat(plays.gram()[i]).containsExactly(expected[i], offset(1e-12));
        }
    }

    @Test
    void easeRecommendsWhatCoOccursWithTheMembersPlays() {
        var catalog = Worlds.catalog(4);
        EaseRanker ease = new EaseRanker(catalog, new EaseRanker.Parameters(0.5, Weighting.NONE, 10, 0));
        List<VisitFeedback> visits = new ArrayList<>();
        for (int member = 0; member < X.length; member++) {
            for (int title = 0; title < 4; title++) {
                if (X[member][title] == 1) {
                    visits.add(new VisitFeedback(1, member, new Page(1, 1, List.of("top-picks"), new int[] {title}), 0, 0.9));
                }
            }
        }
        ease.learn(new FeedbackBatch(0, 1, visits, List.of()));
        ease.retrain(1);
        var member = Worlds.member(9, 1);
        member.recordPlay(3, 0.5); // played title 3, whose co-players played 2 and 0
        int[] ranked = ease.rank(Worlds.context(catalog, member), 4);
        assertThat(ranked[ranked.length - 1]).as("title 1 never co-occurs with 3").isEqualTo(1);
    }

    private static VisitFeedback play(int member, int title, double day) {
        return new VisitFeedback(day, member, new Page(1, 1, List.of("top-picks"), new int[] {title}), 0, 0.9);
    }

    private static FeedbackBatch batch(List<VisitFeedback> visits) {
        return new FeedbackBatch(0, 10, visits, List.of());
    }

    @Test
    void easeRefitsOnlyOnceThePlaysHaveGrownByItsRefitGrowth() {
        EaseRanker ease = new EaseRanker(Worlds.catalog(4), new EaseRanker.Parameters(0.5, Weighting.NONE, 10, 0.5));
        ease.retrain(0);
        assertThat(ease.fits()).as("no plays yet").isZero();
        List<VisitFeedback> firstFour = new ArrayList<>();
        for (int member = 0; member < 4; member++) {
            for (int title = 0; title < 4; title++) {
                if (X[member][title] == 1) {
                    firstFour.add(play(member, title, 1));
                }
            }
        }
        ease.learn(batch(firstFour)); // 9 plays
        ease.retrain(1);
        assertThat(ease.fits()).isEqualTo(1);
        double[][] first = ease.weights();
        ease.learn(batch(List.of(play(4, 0, 2), play(4, 3, 2)))); // 11 plays: under 9 × 1.5
        ease.retrain(2);
        assertThat(ease.fits()).isEqualTo(1);
        assertThat(ease.weights()).isSameAs(first);
        ease.learn(batch(List.of(play(5, 0, 3), play(5, 1, 3), play(5, 2, 3)))); // 14 plays: past 13.5
        ease.retrain(3);
        assertThat(ease.fits()).isEqualTo(2);
        double[][] gram = gram();
        for (int title : new int[] {0, 1, 2}) {
            for (int other : new int[] {0, 1, 2}) {
                gram[title][other] += 1;
            }
        }
        double[][] expected = EaseRanker.fit(gram, 0.5);
        for (int i = 0; i < 4; i++) {
            assertThat(ease.weights()[i]).containsExactly(expected[i]);
        }
    }

    @Test
    void atRefitGrowthZeroEaseSkipsOnlyTheRetrainsWithoutNewPlays() {
        EaseRanker ease = new EaseRanker(Worlds.catalog(4), new EaseRanker.Parameters(0.5, Weighting.NONE, 10, 0));
        ease.learn(batch(List.of(play(0, 0, 1), play(0, 1, 1))));
        ease.retrain(1);
        ease.retrain(2);
        ease.learn(batch(List.of(play(0, 1, 2)))); // a replay: X does not change
        ease.retrain(3);
        assertThat(ease.fits()).isEqualTo(1);
        ease.learn(batch(List.of(play(1, 2, 3))));
        ease.retrain(4);
        assertThat(ease.fits()).isEqualTo(2);
    }
}

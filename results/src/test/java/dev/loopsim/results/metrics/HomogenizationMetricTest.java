package dev.loopsim.results.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HomogenizationMetricTest {

    /** The loop over every pair that the title index replaces. */
    private static double everyPair(List<int[]> sets) {
        double total = 0;
        long pairs = 0;
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                total += Exposure.jaccard(sets.get(i), sets.get(j));
                pairs++;
            }
        }
        return total / pairs;
    }

    /**
     * The played sets, kept in the primitive table, against a map of sorted sets: ids that are all
     * alike modulo 64 (one shard's), repeats, growth well past the first table, and merges of
     * tallies in both directions.
     */
    @Test
    void playedSetsAreEachMembersDistinctTitlesThroughGrowthAndMerges() {
        Random random = new Random(11);
        java.util.Map<Integer, java.util.TreeSet<Integer>> reference = new java.util.HashMap<>();
        HomogenizationMetric.Played a = new HomogenizationMetric.Played();
        HomogenizationMetric.Played b = new HomogenizationMetric.Played();
        for (int k = 0; k < 40_000; k++) {
            int member = 64 * random.nextInt(2_000) + 5;
            int title = random.nextInt(60);
            (random.nextBoolean() ? a : b).add(member, title);
            reference.computeIfAbsent(member, m -> new java.util.TreeSet<>()).add(title);
        }
        HomogenizationMetric.Played merged = new HomogenizationMetric.Played();
        merged.combine(a);
        merged.combine(b);
        for (int member = 5; member < 64 * 2_000; member += 64) {
            int[] expected = reference.getOrDefault(member, new java.util.TreeSet<>()).stream().mapToInt(Integer::intValue).toArray();
            assertThat(merged.of(member)).as("member " + member).containsExactly(expected);
        }
        assertThat(merged.of(6)).isEmpty(); // never played
        b.combine(a); // into a table that already has some of the members
        assertThat(b.of(69)).containsExactly(merged.of(69));
    }

    @Test
    void theTitleIndexGivesTheSameMeanAsEveryPairToTheLastBit() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            List<int[]> sets = new ArrayList<>();
            int members = 2 + random.nextInt(300);
            int titles = 1 + random.nextInt(trial % 2 == 0 ? 10 : 400); // concentrated, then spread out
            for (int m = 0; m < members; m++) {
                TreeSet<Integer> played = new TreeSet<>();
                int k = random.nextInt(12);
                for (int p = 0; p < k; p++) {
                    played.add(random.nextInt(titles));
                }
                sets.add(played.stream().mapToInt(Integer::intValue).toArray());
            }
            assertThat(HomogenizationMetric.exactMean(sets)).isEqualTo(everyPair(sets));
        }
    }

    @Test
    void theBitRowsGiveEveryPairsJaccardAsTheMergeDoes() {
        Random random = new Random(5);
        List<int[]> sets = new ArrayList<>();
        int titles = 130; // three words a member, the last one partly used
        for (int m = 0; m < 200; m++) {
            TreeSet<Integer> played = new TreeSet<>();
            int k = random.nextInt(m % 3 == 0 ? 3 : 40);
            for (int p = 0; p < k; p++) {
                played.add(random.nextInt(titles));
            }
            sets.add(played.stream().mapToInt(Integer::intValue).toArray());
        }
        var bits = HomogenizationMetric.BitSets.of(sets, titles);
        for (int i = 0; i < sets.size(); i++) {
            for (int j = 0; j < sets.size(); j++) {
                assertThat(bits.jaccard(i, j)).as("pair %d, %d", i, j).isEqualTo(Exposure.jaccard(sets.get(i), sets.get(j)));
            }
        }
        assertThat(HomogenizationMetric.BitSets.of(sets, 1 << 22)).as("more words than the bound").isNull();
    }
}

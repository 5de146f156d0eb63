package dev.loopsim.users.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrowsingResponseTest {

    /** Titles whose true utility is their quality (genre and latent weights are 0). */
    private static Catalog catalog(double... qualities) {
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < qualities.length; i++) {
            titles.add(new Title(i, new double[] {1}, new double[] {0}, qualities[i], 0, 1, false));
        }
        return new Catalog(titles, 1, 1);
    }

    private static ResponseParameters parameters(double rowDecay, double columnDecay, double noPlay, double temperature) {
        return new ResponseParameters(1, 0, 0, rowDecay, columnDecay, noPlay, temperature, 4, 0.5, -0.3, 3, 0, 0, 0, ResponseModels.DEFAULT, java.util.List.of());
    }

    private static Page row(int... titles) {
        return new Page(1, titles.length, List.of("top-picks"), titles);
    }

    private static MemberState member() {
        return Members.member(0, 1, new double[] {1}, new double[] {0}, 10, 21);
    }

    @Test
    void choiceFrequenciesMatchTheMultinomialLogit() {
        double[] q = {0, 1, 2};
        double u0 = 1;
        double tau = 0.8;
        var response = new BrowsingResponse(parameters(1, 1, u0, tau)); // every slot examined
        Catalog catalog = catalog(q);
        MemberState member = member();
        int n = 100_000;
        int[] counts = outcomes(response, member, catalog, n);
        double denominator = Math.exp(u0 / tau);
        for (double v : q) {
            denominator += Math.exp(v / tau);
        }
        for (int k = 0; k < 4; k++) {
            double p = Math.exp((k < 3 ? q[k] : u0) / tau) / denominator;
            // Binomial sd √(p(1−p)/n) ≤ 0.0016; a 5-sigma band fails by chance < 1e-6 per cell.
            assertThat((double) counts[k] / n).as("slot %d", k).isCloseTo(p, offset(5 * Math.sqrt(p * (1 - p) / n)));
        }
    }

    @Test
    void reportedPlayProbabilityIsTheExactLogitValue() {
        var response = new BrowsingResponse(parameters(1, 1, 1, 1));
        Catalog catalog = catalog(0, 1, 2);
        VisitResponse r = response.respond(member(), row(0, 1, 2), catalog, 0);
        double expected = 1 - Math.exp(1) / (Math.exp(1) + 1 + Math.exp(1) + Math.exp(2));
        assertThat(r.playProbability()).isCloseTo(expected, offset(1e-12));
        boolean[] onlyFirst = {true, false, false};
        assertThat(response.playProbability(member(), row(0, 1, 2), onlyFirst, catalog, 0))
                .isCloseTo(1 - Math.exp(1) / (Math.exp(1) + 1), offset(1e-12));
    }

    @Test
    void slotsAreExaminedWithPositionBasedProbabilities() {
        double rowDecay = 0.6;
        double columnDecay = 0.7;
        var response = new BrowsingResponse(parameters(rowDecay, columnDecay, 0, 1));
        Catalog catalog = catalog(0, 0, 0, 0, 0, 0);
        Page page = new Page(2, 3, Collections.nCopies(2, "top-picks"), new int[] {0, 1, 2, 3, 4, 5});
        MemberState member = member();
        int n = 50_000;
        int[] examined = new int[6];
        for (int i = 0; i < n; i++) {
            boolean[] e = response.respond(member, page, catalog, 0).examined();
            for (int s = 0; s < 6; s++) {
                examined[s] += e[s] ? 1 : 0;
            }
        }
        for (int s = 0; s < 6; s++) {
            double p = Math.pow(rowDecay, Math.floorDiv(s, 3)) * Math.pow(columnDecay, s % 3);
            // 5-sigma binomial band (sd ≤ 0.0023): fails by chance < 1e-6 per slot.
            assertThat((double) examined[s] / n).as("slot %d", s).isCloseTo(p, offset(5 * Math.sqrt(p * (1 - p) / n) + 1e-12));
        }
    }

    @Test
    void emptySlotsAreNeverExaminedOrPlayed() {
        var response = new BrowsingResponse(parameters(1, 1, -50, 1));
        Catalog catalog = catalog(0);
        MemberState member = member();
        for (int i = 0; i < 1000; i++) {
            VisitResponse r = response.respond(member, row(-1, 0, -1), catalog, 0);
            assertThat(r.examined()).containsExactly(false, true, false);
            assertThat(r.playedSlot()).isEqualTo(1);
        }
    }

    @Test
    void watchFractionHasTheBetaMeanOfTheLogisticOfUtility() {
        double quality = 0.5;
        var response = new BrowsingResponse(parameters(1, 1, -50, 1)); // u0 = −50: always a play
        Catalog catalog = catalog(quality);
        MemberState member = member();
        int n = 50_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            VisitResponse r = response.respond(member, row(0), catalog, 0);
            sum += r.watchFraction();
            assertThat(r.satisfaction()).isEqualTo(r.watchFraction());
        }
        double mean = 1 / (1 + Math.exp(-quality));
        // Beta(mκ, (1−m)κ), κ = 4: sd √(m(1−m)/(κ+1)) ≈ 0.217, so the mean's sd ≈ 0.00097; 5 sigma.
        assertThat(sum / n).isCloseTo(mean, offset(5 * Math.sqrt(mean * (1 - mean) / 5 / n)));
    }

    /** One title shown with a faithful default artwork (theme 0) or clickbait (theme 1, fidelity 0.1). */
    private static Catalog clickbaitCatalog() {
        var artworks = List.of(new dev.loopsim.core.world.Artwork(0, new double[] {1, 0}, 1.0),
                new dev.loopsim.core.world.Artwork(1, new double[] {0, 1}, 0.1));
        return new Catalog(List.of(new Title(0, new double[] {1}, new double[] {0}, 0.5, 0, 1, false, artworks)), 1, 1);
    }

    @Test
    void clickbaitRaisesThePlayProbabilityByItsPerceivedBoost() {
        double wc = 1.5;
        var response = new BrowsingResponse(new ResponseParameters(1, 0, 0, 1, 1, 1, 1, 4, 0.5, -0.3, 3, 0, wc, 2, ResponseModels.DEFAULT, java.util.List.of()));
        Catalog catalog = clickbaitCatalog();
        Page faithful = new Page(1, 1, List.of("top-picks"), new int[] {0}, new int[] {0});
        Page bait = new Page(1, 1, List.of("top-picks"), new int[] {0}, new int[] {1});
        boolean[] all = {true};
        // Perceived utility 0.5 vs 0.5 + 1.5·0.9 against u_0 = 1.
        assertThat(response.playProbability(member(), faithful, all, catalog, 0)).isCloseTo(sigmoid(0.5 - 1), offset(1e-12));
        assertThat(response.playProbability(member(), bait, all, catalog, 0)).isCloseTo(sigmoid(0.5 + 1.35 - 1), offset(1e-12));
    }

    @Test
    void clickbaitDisappointsTheWatchFraction() {
        double wd = 2;
        var response = new BrowsingResponse(new ResponseParameters(1, 0, 0, 1, 1, -50, 1, 4, 0.5, -0.3, 3, 0, 1, wd, ResponseModels.DEFAULT, java.util.List.of()));
        Catalog catalog = clickbaitCatalog();
        Page bait = new Page(1, 1, List.of("top-picks"), new int[] {0}, new int[] {1});
        MemberState member = member();
        int n = 40_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += response.respond(member, bait, catalog, 0).watchFraction();
        }
        double mean = sigmoid(0.5 - wd * 0.9);
        // Beta with κ = 4: sd of the mean √(m(1−m)/5/n) ≈ 0.0009; 5 sigma.
        assertThat(sum / n).isCloseTo(mean, offset(5 * Math.sqrt(mean * (1 - mean) / 5 / n)));
    }

    @Test
    void artworkThemeMatchEntersPerceivedUtility() {
        var response = new BrowsingResponse(new ResponseParameters(1, 0, 0, 1, 1, 1, 1, 4, 0.5, -0.3, 3, 2.0, 0, 2, ResponseModels.DEFAULT, java.util.List.of()));
        Catalog catalog = clickbaitCatalog();
        var streams = dev.loopsim.core.random.RandomStreams.of(1, 0);
        MemberState likesTheme1 = new MemberState(new dev.loopsim.core.world.MemberProfile(0, new double[] {1}, new double[] {0}, 1, 0,
                new double[] {0, 0.8}), 5, new MemberState.MemberStreams(streams.forMember(0, "a"), streams.forMember(0, "b"),
                streams.forMember(0, "c"), streams.forMember(0, "d"), streams.forMember(0, "e")));
        Page theme1 = new Page(1, 1, List.of("top-picks"), new int[] {0}, new int[] {1});
        assertThat(response.playProbability(likesTheme1, theme1, new boolean[] {true}, catalog, 0))
                .isCloseTo(sigmoid(0.5 + 2.0 * 0.8 - 1), offset(1e-12));
    }

    @Test
    void cascadeFrequenciesMatchTheSequentialBinaryLogits() {
        double[] q = {0.5, 1.5, -0.5};
        double u0 = 1;
        var response = new BrowsingResponse(new ResponseParameters(1, 0, 0, 1, 1, u0, 1, 4, 0.5, -0.3, 3, 0, 0, 0, "cascade", java.util.List.of()));
        Catalog catalog = catalog(q);
        MemberState member = member();
        int n = 100_000;
        int[] counts = outcomes(response, member, catalog, n);
        double reach = 1;
        double[] expected = new double[4];
        for (int k = 0; k < 3; k++) {
            double p = sigmoid(q[k] - u0);
            expected[k] = reach * p;
            reach *= 1 - p;
        }
        expected[3] = reach;
        assertWithinFiveSigma(counts, expected, n);
        assertThat(response.playProbability(member, row(0, 1, 2), new boolean[] {true, true, true}, catalog, 0))
                .isCloseTo(1 - expected[3], offset(1e-12));
    }

    /**
     * The position-based click model: slot k is played with its examination probability times its
     * attraction σ(q_k − u_0), whatever the other slots hold, while the attractions sum to at most
     * 1; each of the four outcome frequencies within 5 standard errors (a false failure about once
     * in 400,000 runs of this test).
     */
    @Test
    void clickModelPlaysEachSlotWithExaminationTimesAttraction() {
        double[] q = {-2, -1.5, -3};
        double u0 = 0;
        List<Double> examination = List.of(1.0, 0.6, 0.3);
        var response = new BrowsingResponse(new ResponseParameters(1, 0, 0, 1, 1, u0, 1, 4, 0.5, -0.3, 3, 0, 0, 0,
                "position-based-click", examination));
        Catalog catalog = catalog(q);
        MemberState member = member();
        int n = 200_000;
        int[] counts = outcomes(response, member, catalog, n);
        double[] expected = new double[4];
        expected[3] = 1;
        for (int k = 0; k < 3; k++) {
            expected[k] = examination.get(k) * sigmoid(q[k] - u0);
            expected[3] -= expected[k];
        }
        assertWithinFiveSigma(counts, expected, n);
        // A slot's chance does not depend on what the others show (unlike the logit's): closed form.
        double[] alone = response.slotProbabilities(member, row(0, 1, 2), new boolean[] {true, false, false}, catalog, 0);
        assertThat(alone[0]).isCloseTo(sigmoid(q[0] - u0), offset(1e-15));
        assertThat(alone[1]).isZero();
    }

    @Test
    void clickModelScalesAttractionsThatSumAboveOne() {
        var response = new BrowsingResponse(new ResponseParameters(1, 0, 0, 1, 1, 0, 1, 4, 0.5, -0.3, 3, 0, 0, 0,
                "position-based-click", List.of()));
        double[] p = response.slotProbabilities(member(), row(0, 1), new boolean[] {true, true}, catalog(2, 1), 0);
        double a0 = sigmoid(2);
        double a1 = sigmoid(1);
        assertThat(p[0]).isCloseTo(a0 / (a0 + a1), offset(1e-15));
        assertThat(p[1]).isCloseTo(a1 / (a0 + a1), offset(1e-15));
        assertThat(response.playProbability(member(), row(0, 1), new boolean[] {true, true}, catalog(2, 1), 0))
                .isCloseTo(1, offset(1e-15));
    }

    @Test
    void listedExaminationReplacesTheDecaysAndEndsWithTheList() {
        var response = new BrowsingResponse(new ResponseParameters(1, 0, 0, 0.5, 0.5, 0, 1, 4, 0.5, -0.3, 3, 0, 0, 0,
                "position-based-click", List.of(0.9, 0.4)));
        Page page = row(0, 1, 2);
        assertThat(response.examinationProbability(page, 0)).isEqualTo(0.9);
        assertThat(response.examinationProbability(page, 1)).isEqualTo(0.4);
        assertThat(response.examinationProbability(page, 2)).isZero();
    }

    @Test
    void anUnknownTypeIsRefusedWithTheNames() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ResponseParameters(1, 0, 0, 1, 1, 0, 1, 4, 0.5, -0.3, 3, 0, 0, 0,
                        "pbm", List.of()))
                .hasMessageContaining("type must be one of [position-based-logit, cascade, position-based-click], found 'pbm'");
    }

    /** How often each slot of the row (0, 1, 2) is played in n visits, then how often nothing is. */
    private static int[] outcomes(BrowsingResponse response, MemberState member, Catalog catalog, int n) {
        int[] counts = new int[4];
        for (int i = 0; i < n; i++) {
            VisitResponse r = response.respond(member, row(0, 1, 2), catalog, 0);
            counts[r.played() ? r.playedSlot() : 3]++;
        }
        return counts;
    }

    /** Each outcome's frequency within 5 binomial standard errors of its probability (a false failure < 1e-6 each). */
    private static void assertWithinFiveSigma(int[] counts, double[] expected, int n) {
        for (int k = 0; k < expected.length; k++) {
            double p = expected[k];
            assertThat((double) counts[k] / n).as("outcome %d", k).isCloseTo(p, offset(5 * Math.sqrt(p * (1 - p) / n)));
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void aVisitWithoutPlayHasTheNoPlaySatisfaction() {
        var response = new BrowsingResponse(parameters(1, 1, 50, 1)); // u0 = 50: never a play
        VisitResponse r = response.respond(member(), row(0), catalog(0), 0);
        assertThat(r.played()).isFalse();
        assertThat(r.satisfaction()).isEqualTo(-0.3);
        assertThat(r.completes()).isFalse();
    }
}

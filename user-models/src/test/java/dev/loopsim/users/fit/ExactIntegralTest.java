package dev.loopsim.users.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The closed-form integrals and the rate marginal against brute-force numerical integration. */
class ExactIntegralTest {
    private static final FitParameters P = new FitParameters(0.7, 1.5, 0.3, -0.4, 0.1, 0.25, Math.log(0.4), 0.8);

    private static double seasonAt(Season season, double t) {
        double[] trig = new double[8];
        Season.trig(t, trig, 0);
        return season.at(trig, 0);
    }

    @Test
    void seasonInCosineSineFormIsTheProductOfTheTwoHarmonics() {
        Season season = new Season(P);
        for (double t = 0; t < 14; t += 0.37) {
            double daily = 1 + P.dailyCos() * Math.cos(2 * Math.PI * t) + P.dailySin() * Math.sin(2 * Math.PI * t);
            double weekly = 1 + P.weeklyCos() * Math.cos(2 * Math.PI * t / 7) + P.weeklySin() * Math.sin(2 * Math.PI * t / 7);
            assertThat(seasonAt(season, t)).isCloseTo(daily * weekly, offset(1e-12));
            // The simulator's own Seasonality, from the amplitude/peak form, agrees.
            assertThat(P.seasonality().at(t)).isCloseTo(daily * weekly, offset(1e-12));
        }
    }

    @Test
    void theSeasonsIntegralOverEveryGapAtOnceIsTheSumOfItsGaps() {
        // Dead time after the second visit (at risk from 4.1): the total must skip it as each gap does.
        MemberTrack track = new MemberTrack(new double[]{0.2, 3.0, 4.5, 9.75}, new double[]{1, 0, 1, 1},
                new double[]{0.2, 4.1, 4.5, 9.75}, 13.3);
        Season season = new Season(P);
        double sum = 0;
        for (int j = 0; j < track.visits(); j++) {
            sum += track.seasonIntegral(season, j);
        }
        assertThat(track.seasonIntegralTotal(season)).isCloseTo(sum, offset(1e-12));
        double numeric = 0;
        for (double[] gap : new double[][]{{0.2, 3.0}, {4.1, 4.5}, {4.5, 9.75}, {9.75, 13.3}}) {
            numeric += new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13).integrate(1_000_000, t -> seasonAt(season, t), gap[0], gap[1]);
        }
        assertThat(sum).isCloseTo(numeric, offset(1e-10));
    }

    @ParameterizedTest
    @CsvSource({"0.0", "0.8", "3.5", "-2.0", "-9.0", "12.0"})
    void gapIntegralMatchesNumericalQuadrature(double excitation) {
        // A member with one visit at t = 3.3 (satisfaction 1), observed for 4.7 days.
        FitParameters p = new FitParameters(excitation, 1.5, 0.3, -0.4, 0.1, 0.25, 0, 1);
        Season season = new Season(p);
        MemberTrack track = new MemberTrack(new double[]{3.3}, new double[]{1}, new double[]{3.3}, 8.0);
        double exact = SelfExcitingForm.INSTANCE.member(track, p.toArray(), season, 10, null, null).rateIntegral();
        double numeric = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13).integrate(1_000_000,
                t -> seasonAt(season, t) * Math.exp(excitation * Math.exp(-(t - 3.3) / 1.5)), 3.3, 8.0);
        assertThat(exact).isCloseTo(numeric, offset(1e-9 * Math.max(1, Math.abs(numeric))));
    }

    @Test
    void aSessionsDeadTimeIsLeftOutOfTheIntegral() {
        // Visits at 1 and 3; the first visit's session makes the member at risk again only from 1.5.
        FitParameters p = new FitParameters(0.8, 2.0, 0.3, 0.1, 0, 0, 0, 1);
        Season season = new Season(p);
        MemberTrack withDeadTime = new MemberTrack(new double[]{1, 3}, new double[]{1, 1}, new double[]{1.5, 3}, 5);
        double withDeadTimeIntegral = SelfExcitingForm.INSTANCE.member(withDeadTime, p.toArray(), season, 10, null, null).rateIntegral();
        double numeric = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13).integrate(1_000_000,
                t -> seasonAt(season, t) * Math.exp(0.8 * Math.exp(-(t - 1) / 2.0)), 1.5, 3.0)
                + new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13).integrate(1_000_000,
                t -> seasonAt(season, t) * Math.exp(0.8 * Math.exp(-(t - 1) / 2.0) + 0.8 * Math.exp(-(t - 3) / 2.0)), 3.0, 5.0);
        assertThat(withDeadTimeIntegral).isCloseTo(numeric, offset(1e-9));
    }

    @Test
    void logIntensityAtEachVisitSumsSeasonAndDecayedExcitationOfTheLastWVisits() {
        FitParameters p = new FitParameters(0.5, 2.0, 0, 0, 0, 0, 0, 1);
        double[] days = {0, 1, 3};
        double[] s = {1, 0.5, 1};
        MemberLikelihood stats = SelfExcitingForm.INSTANCE.member(new MemberTrack(days, s, days, 5), p.toArray(), new Season(p), 1,
                null, null);
        // W = 1: only the latest visit counts. At t=1: 0.5·1·e^{−1/2}; at t=3: 0.5·0.5·e^{−2/2}.
        assertThat(stats.logSumM()).isCloseTo(0.5 * Math.exp(-0.5) + 0.25 * Math.exp(-1), offset(1e-14));
        assertThat(stats.count()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"0, 3.0", "1, 0.5", "12, 20.0", "300, 600.0", "0, 0.0"})
    void rateMarginalMatchesNumericalIntegration(double n, double integral) {
        double mu = Math.log(0.4);
        double sigma = 0.8;
        var integrator = new IterativeLegendreGaussIntegrator(32, 1e-14, 1e-14);
        double mode = n > 0 ? Math.log(n / integral) : mu;
        double peak = n * mode - integral * Math.exp(mode);
        double numeric = integrator.integrate(1_000_000, y -> Math.exp(n * y - integral * Math.exp(y) - peak
                - 0.5 * Math.pow((y - mu) / sigma, 2)) / (sigma * Math.sqrt(2 * Math.PI)), mu - 12 * sigma, mu + 12 * sigma);
        RateMarginal marginal = new RateMarginal(MemberLikelihood.multiplicative((int) n, 0, integral), mu, sigma);
        assertThat(marginal.logMarginal()).isCloseTo(Math.log(numeric) + peak, offset(1e-9));
        double mean = integrator.integrate(1_000_000, y -> Math.exp(y + n * y - integral * Math.exp(y) - peak
                - 0.5 * Math.pow((y - mu) / sigma, 2)) / (sigma * Math.sqrt(2 * Math.PI)), mu - 12 * sigma, mu + 12 * sigma) / numeric;
        assertThat(marginal.mean()).isCloseTo(mean, offset(1e-9 * mean));
    }

    @Test
    void additiveRateMarginalMatchesNumericalIntegration() {
        // log L(r) = Σ log(r + a_j) − r·T − C: not log-concave in log r, so the bracketed mode search matters.
        MemberLikelihood member = new MemberLikelihood(3, 0, new double[]{1, 1, 1}, new double[]{0.05, 2.0, 0.01}, 6.0, 1.3);
        double mu = Math.log(0.2);
        double sigma = 1.2;
        var integrator = new IterativeLegendreGaussIntegrator(32, 1e-14, 1e-14);
        double numeric = integrator.integrate(1_000_000, y -> Math.exp(member.at(y) - 0.5 * Math.pow((y - mu) / sigma, 2))
                / (sigma * Math.sqrt(2 * Math.PI)), mu - 12 * sigma, mu + 12 * sigma);
        RateMarginal marginal = new RateMarginal(member, mu, sigma);
        assertThat(marginal.logMarginal()).isCloseTo(Math.log(numeric), offset(1e-7));
        double mean = integrator.integrate(1_000_000, y -> Math.exp(y + member.at(y) - 0.5 * Math.pow((y - mu) / sigma, 2))
                / (sigma * Math.sqrt(2 * Math.PI)), mu - 12 * sigma, mu + 12 * sigma) / numeric;
        assertThat(marginal.mean()).isCloseTo(mean, offset(1e-6 * mean));
    }
    /** A long track with a short window, so the likelihood's decayed running sums wrap around. */
    private static MemberTrack longTrack() {
        var random = dev.loopsim.core.random.RandomStreams.of(11, 0).forWorld("track");
        int n = 60;
        double[] days = new double[n];
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            days[j] = j == 0 ? 0 : days[j - 1] + 0.05 + random.nextDouble() * 2;
            s[j] = random.nextDouble() < 0.3 ? 0 : random.nextDouble() * 2 - 0.5; // some visits without a play
        }
        return new MemberTrack(days, s, days, days[n - 1] + 1.5);
    }

    @Test
    void selfExcitingSumsOverTheLastWVisitsMatchTheirDefinition() {
        MemberTrack track = longTrack();
        double alpha = 0.6;
        double tau = 1.7;
        int window = 3;
        FitParameters p = new FitParameters(alpha, tau, 0, 0, 0, 0, 0, 1);
        double expected = 0;
        for (int j = 1; j < track.days.length; j++) {
            for (int k = Math.max(0, j - window); k < j; k++) {
                expected += alpha * track.satisfaction[k] * Math.exp(-(track.days[j] - track.days[k]) / tau);
            }
        }
        MemberLikelihood l = SelfExcitingForm.INSTANCE.member(track, p.toArray(), new Season(p), window, null, null);
        assertThat(l.logSumM()).isCloseTo(expected, offset(1e-12));
    }

    /** The visits with a play among those up to {@code last}, the latest {@code window} of them. */
    private static java.util.List<Integer> lastPlays(MemberTrack track, int last, int window) {
        java.util.List<Integer> plays = new java.util.ArrayList<>();
        for (int k = last; k >= 0 && plays.size() < window; k--) {
            if (track.satisfaction[k] > 0) {
                plays.add(k);
            }
        }
        return plays;
    }

    @Test
    void additiveSumsOverTheLastWPlaysMatchTheirDefinition() {
        MemberTrack track = longTrack();
        double timeRate = 0.3;
        double jump = 0.8;
        double decay = 1.2;
        int window = 4;
        double[] x = {Math.log(timeRate), Math.log(jump), Math.log(decay), 0, 0, 0, 0, 0, 0};
        MemberLikelihood l = AdditiveForm.INSTANCE.member(track, x, AdditiveForm.INSTANCE.season(x), window, null, null);
        double[] days = track.days;
        double fixed = 0;
        for (int j = 0; j < days.length; j++) {
            if (j > 0) {
                double jumps = 0;
                for (int k : lastPlays(track, j - 1, window)) {
                    jumps += jump * Math.exp(-(days[j] - days[k]) / decay);
                }
                assertThat(l.a()[j - 1]).as("a at visit " + j).isCloseTo(timeRate + jumps, offset(1e-12));
            }
            double next = j + 1 < days.length ? days[j + 1] : track.end;
            fixed += timeRate * (next - days[j]);
            for (int k : lastPlays(track, j, window)) {
                fixed += jump * decay * (Math.exp(-(days[j] - days[k]) / decay) - Math.exp(-(next - days[k]) / decay));
            }
        }
        assertThat(l.fixedIntegral()).isCloseTo(fixed, offset(1e-11));
    }
}

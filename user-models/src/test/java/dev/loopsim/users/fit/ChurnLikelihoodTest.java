package dev.loopsim.users.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/**
 * The likelihood with a hazard of churn, against the same quantity computed the slow way: λ and
 * the member's survival integrated on a fine grid straight from the form's intensity, and the
 * unseen leaving after the last visit integrated over every possible day.
 */
class ChurnLikelihoodTest {
    private static final double[] DAYS = {0.3, 1.1, 1.2, 4.0, 9.5};
    private static final double[] SATISFACTION = {0.2, 1.0, 0.6, -0.4, 0.8};
    private static final double END = 30;
    private static final double LONG_END = 150;

    @Test
    void selfExcitingWithChurnMatchesBruteForce() {
        // excitation, log decay, daily (cos, sin), weekly (cos, sin), then churn's log ρ and w, then μ, log σ.
        double[] visits = {0.6, Math.log(1.5), 0.3, -0.2, 0.1, 0.25, Math.log(0.7), Math.log(0.5)};
        check(SelfExcitingForm.INSTANCE, visits, DAYS, 1.3, END);
    }

    @Test
    void aLongLastGapSummedWeekByWeekMatchesBruteForce() {
        // τ = 0.3 days: the excitation is gone after about a week, and 140 days remain.
        double[] selfExciting = {0.6, Math.log(0.3), 0.3, -0.2, 0.1, 0.25, Math.log(0.7), Math.log(0.5)};
        check(SelfExcitingForm.INSTANCE, selfExciting, DAYS, 1.3, LONG_END);
        double[] additive = {Math.log(0.4), Math.log(0.8), Math.log(0.5), 0.3, -0.2, 0.1, 0.25, Math.log(0.3), Math.log(0.5)};
        check(AdditiveForm.INSTANCE, additive, DAYS, 0.9, LONG_END);
        assertThat(GapNodes.layout(LONG_END - DAYS[4], 0.3 * Math.log(1e10)).weeks()).as("weeks summed as a series").isGreaterThan(15);
    }

    @Test
    void additiveWithChurnMatchesBruteForce() {
        double[] visits = {Math.log(0.4), Math.log(0.8), Math.log(2.0), 0.3, -0.2, 0.1, 0.25, Math.log(0.3), Math.log(0.5)};
        check(AdditiveForm.INSTANCE, visits, DAYS, 0.9, END);
    }

    @Test
    void timeLeftOutForSessionsStillCountsTowardLeaving() {
        double[] atRisk = DAYS.clone();
        for (int j = 0; j < atRisk.length; j++) {
            atRisk[j] += 0.05; // a session gap of 0.05 days after each visit
        }
        double[] visits = {0.6, Math.log(1.5), 0.3, -0.2, 0.1, 0.25, Math.log(0.7), Math.log(0.5)};
        check(SelfExcitingForm.INSTANCE, visits, atRisk, 1.3, END);
    }

    @Test
    void noHazardGivesTheLikelihoodWithoutChurn() {
        double[] visits = {0.6, Math.log(1.5), 0.3, -0.2, 0.1, 0.25, Math.log(0.7), Math.log(0.5)};
        HazardChurnForm churn = new HazardChurnForm(SelfExcitingForm.INSTANCE);
        double[] x = withChurn(visits, Double.NEGATIVE_INFINITY, 0);
        MemberTrack track = new MemberTrack(DAYS, SATISFACTION, DAYS, END);
        MemberLikelihood with = churn.member(track, x, churn.season(x), 3, null, null);
        MemberLikelihood without = SelfExcitingForm.INSTANCE.member(track, visits, SelfExcitingForm.INSTANCE.season(visits), 3,
                null, null);
        for (double y : new double[]{-2, 0, 1}) {
            assertThat(with.at(y)).isCloseTo(without.at(y), offset(1e-9));
        }
    }

    @Test
    void derivativesInTheBaseRateMatchFiniteDifferences() {
        double[] visits = {0.6, Math.log(1.5), 0.3, -0.2, 0.1, 0.25, Math.log(0.7), Math.log(0.5)};
        HazardChurnForm churn = new HazardChurnForm(SelfExcitingForm.INSTANCE);
        double[] x = withChurn(visits, Math.log(0.05), 1.3);
        MemberLikelihood l = churn.member(new MemberTrack(DAYS, SATISFACTION, DAYS, END), x, churn.season(x), 3, null, null);
        for (double y : new double[]{-3, -1, 0.5, 2}) {
            double h = 1e-4;
            double first = (l.at(y + h) - l.at(y - h)) / (2 * h);
            double second = (l.at(y + h) - 2 * l.at(y) + l.at(y - h)) / (h * h);
            assertThat(l.derivatives(y)[0]).as("d/dy at " + y).isCloseTo(first, offset(1e-6 * Math.max(1, Math.abs(first))));
            assertThat(l.derivatives(y)[1]).as("d²/dy² at " + y).isCloseTo(second, offset(1e-3 * Math.max(1, Math.abs(second))));
        }
    }

    private static double[] withChurn(double[] visits, double logRate, double weight) {
        int k = visits.length - 2;
        double[] x = new double[visits.length + 2];
        System.arraycopy(visits, 0, x, 0, k);
        x[k] = logRate;
        x[k + 1] = weight;
        x[k + 2] = visits[k];
        x[k + 3] = visits[k + 1];
        return x;
    }

    private static void check(VisitForm form, double[] visits, double[] atRiskFrom, double weight, double end) {
        HazardChurnForm churn = new HazardChurnForm(form);
        double logRate = Math.log(0.05);
        double[] x = withChurn(visits, logRate, weight);
        int window = 3;
        MemberTrack track = new MemberTrack(DAYS, SATISFACTION, atRiskFrom, end);
        Season season = churn.season(x);
        MemberLikelihood fast = churn.member(track, x, season, window, null, null);
        int memory = form.memory(window);
        for (double rate : new double[]{0.05, 0.4, 2.0}) {
            double slow = bruteForce(form, visits, season, rate, atRiskFrom, window, memory, Math.exp(logRate), weight, end);
            assertThat(fast.at(Math.log(rate))).as("log L at r = " + rate).isCloseTo(slow, offset(2e-6 * Math.max(1, Math.abs(slow))));
        }
    }

    /** Σ log λ(t_j) − ∫λ over the at-risk time − Σ h_j·Δ_j + log P(no visit after the last | it was the last). */
    private static double bruteForce(VisitForm form, double[] x, Season season, double rate, double[] atRiskFrom, int window,
                                     int memory, double rho, double weight, double end) {
        double logL = 0;
        int n = DAYS.length;
        for (int j = 0; j < n; j++) {
            // The history the intensity reads: the last W visits, or in the additive form the last W plays.
            boolean playsOnly = form instanceof AdditiveForm;
            int[] history = java.util.stream.IntStream.rangeClosed(0, j).filter(k -> !playsOnly || SATISFACTION[k] > 0).toArray();
            int kept = Math.min(window, history.length);
            double[] days = new double[kept];
            double[] sat = new double[kept];
            for (int k = 0; k < kept; k++) {
                days[k] = DAYS[history[history.length - kept + k]];
                sat[k] = form.drive(x, SATISFACTION[history[history.length - kept + k]], VisitLog.MemberVisits.NO_GENRE);
            }
            int remembered = Math.min(memory, j + 1);
            double mean = 0;
            for (int k = j + 1 - remembered; k <= j; k++) {
                mean += SATISFACTION[k] / remembered;
            }
            double hazard = rho * Math.exp(-weight * mean);
            double next = j + 1 < n ? DAYS[j + 1] : end;
            double from = Math.min(atRiskFrom[j], next);
            if (j + 1 < n) {
                logL += Math.log(form.intensity(x, season, rate, days, sat, kept, next, false));
                logL -= integral(form, x, season, rate, days, sat, kept, from, next);
                logL -= hazard * (next - DAYS[j]);
            } else {
                // Stayed to the end unseen, or left at c: h·e^{−h(c − t_n)}·exp(−∫ λ from the at-risk start to c),
                // which is 1 while the session lasts.
                double left = 1 - Math.exp(-hazard * (from - DAYS[j]));
                double steps = 300_000;
                double dc = (end - from) / steps;
                double compensator = 0;
                for (int i = 0; i < steps; i++) {
                    double c = from + (i + 0.5) * dc;
                    double before = compensator;
                    compensator += form.intensity(x, season, rate, days, sat, kept, c, false) * dc;
                    left += hazard * Math.exp(-hazard * (c - DAYS[j])) * Math.exp(-0.5 * (before + compensator)) * dc;
                }
                logL += Math.log(Math.exp(-hazard * (end - DAYS[j]) - compensator) + left);
            }
        }
        return logL;
    }

    private static double integral(VisitForm form, double[] x, Season season, double rate, double[] days, double[] sat,
                                   int kept, double from, double to) {
        int steps = 200_000;
        double dt = (to - from) / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += form.intensity(x, season, rate, days, sat, kept, from + (i + 0.5) * dt, false) * dt;
        }
        return sum;
    }
}

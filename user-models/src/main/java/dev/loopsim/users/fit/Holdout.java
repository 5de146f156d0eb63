package dev.loopsim.users.fit;

import dev.loopsim.core.random.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How well a fit on the log before {@code splitDay} predicts the visits after it, for the
 * members seen before the split (members who first appear later have no history to predict
 * from and are counted apart).
 *
 * <p>Held-out log-likelihood is the predictive one: each member's base rate is integrated
 * over its posterior given the training visits, and the intensity after the split conditions
 * on every earlier visit, held-out ones included. Predicted counts are the expected visits in
 * the held-out period given the training history alone: exact without excitation or churn, otherwise
 * the mean of {@code draws} continuations simulated by thinning with the member's posterior mean
 * base rate.
 *
 * @param splitDay           start of the held-out period
 * @param endDay             its end
 * @param members            members evaluated
 * @param newMembers         members whose first visit is after the split (not evaluated)
 * @param heldOutVisits      visits of the evaluated members in the held-out period
 * @param logLikelihood      predictive log-likelihood of those visits
 * @param predicted          per evaluated member, the predicted held-out visit count
 * @param actual             per evaluated member, the held-out visit count
 */
public record Holdout(double splitDay, double endDay, int members, int newMembers, long heldOutVisits,
                      double logLikelihood, double[] predicted, double[] actual) {
    static final int DRAWS = 200;

    /** Mean absolute error of the per-member counts. */
    public double countMae() {
        double sum = 0;
        for (int u = 0; u < predicted.length; u++) {
            sum += Math.abs(predicted[u] - actual[u]);
        }
        return sum / Math.max(1, predicted.length);
    }

    /** Root mean squared error of the per-member counts. */
    public double countRmse() {
        double sum = 0;
        for (int u = 0; u < predicted.length; u++) {
            sum += (predicted[u] - actual[u]) * (predicted[u] - actual[u]);
        }
        return Math.sqrt(sum / Math.max(1, predicted.length));
    }

    public double predictedTotal() {
        double sum = 0;
        for (double p : predicted) {
            sum += p;
        }
        return sum;
    }

    /**
     * Evaluates {@code fit}, made on {@code log.until(splitDay)}, on the whole log.
     *
     * @param seed seeds the simulated continuations
     */
    public static Holdout evaluate(VisitLog log, double splitDay, VisitModelFit fit, long seed) {
        VisitForm form = fit.form();
        double[] x = fit.estimate();
        Season season = form.season(x);
        int window = fit.options().window();
        double mu = x[x.length - 2];
        double sigma = Math.exp(x[x.length - 1]);
        boolean excites = fit.options().excitation();
        HazardChurnForm churn = form instanceof HazardChurnForm hazard ? hazard : null;
        VisitLog training = log.until(splitDay);
        int evaluated = training.members().size();
        double[] predicted = new double[evaluated];
        double[] actual = new double[evaluated];
        double logLikelihood = 0;
        long heldOut = 0;
        int u = 0;
        RandomStreams streams = RandomStreams.of(seed, 0);
        int[] genreCoordinates = VisitLikelihood.genreCoordinates(log, fit.options());
        for (VisitLog.MemberVisits member : log.members()) {
            if (member.days()[0] >= splitDay) {
                continue;
            }
            VisitLog.MemberVisits before = training.members().get(u);
            MemberTrack trainTrack = new MemberTrack(before, splitDay, genreCoordinates);
            MemberTrack wholeTrack = new MemberTrack(member, log.endDay(), genreCoordinates);
            double[] trainRate = new double[trainTrack.visits()];
            double[] trainFixed = new double[trainTrack.visits()];
            double[] wholeRate = new double[wholeTrack.visits()];
            double[] wholeFixed = new double[wholeTrack.visits()];
            MemberLikelihood trained = form.member(trainTrack, x, season, window, trainRate, trainFixed);
            RateMarginal train = new RateMarginal(trained, mu, sigma);
            RateMarginal whole = new RateMarginal(form.member(wholeTrack, x, season, window, wholeRate, wholeFixed), mu, sigma);
            int count = member.visits() - before.visits();
            // log p(held-out | training) = log p(all) − log p(training), r integrated out in both.
            logLikelihood += whole.logMarginal() - train.logMarginal();
            double rate = train.mean();
            actual[u] = count;
            double from = Math.max(splitDay, member.atRiskFrom()[before.visits() - 1]);
            // With churn, the member may have left unseen since their last visit: the chance they have not, at this rate.
            double stillThere = churn == null ? 1 : trained.tail().firstShare(rate);
            predicted[u] = excites || churn != null
                    ? simulatedCount(form, churn, x, season, window, before, trainTrack.genres, rate, stillThere, from, log.endDay(),
                    log.sessionGapDays(), streams.forMember(u, "holdout"))
                    : rate * (sum(wholeRate) - sum(trainRate)) + sum(wholeFixed) - sum(trainFixed);
            heldOut += count;
            u++;
        }
        return new Holdout(splitDay, log.endDay(), evaluated, log.members().size() - evaluated, heldOut, logLikelihood,
                predicted, actual);
    }

    private static double exponential(double rate, UniformRandomProvider random) {
        return rate > 0 ? -Math.log(1 - random.nextDouble()) / rate : Double.POSITIVE_INFINITY;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    /**
     * The mean count of visits in [from, until) over {@link #DRAWS} continuations of the member's
     * history, drawn by thinning; {@code from} is the split, or the end of a session that runs over it.
     * A simulated visit brings the mean satisfaction and the mean {@link VisitForm#drive drive} of the history's.
     */
    private static double simulatedCount(VisitForm form, HazardChurnForm churn, double[] x, Season season, int window,
                                         VisitLog.MemberVisits history, int[] genres, double rate, double stillThere,
                                         double from, double until, double sessionGap, UniformRandomProvider random) {
        double meanSatisfaction = sum(history.satisfaction()) / history.visits();
        double[] historyDrives = new double[history.visits()];
        for (int k = 0; k < historyDrives.length; k++) {
            historyDrives[k] = form.drive(x, history.satisfaction()[k], genres[k]);
        }
        double meanDrive = sum(historyDrives) / history.visits();
        long total = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            RecentSatisfaction remembered = churn == null ? null : new RecentSatisfaction(form.memory(window));
            for (int k = 0; churn != null && k < history.visits(); k++) {
                remembered.add(history.satisfaction()[k]);
            }
            if (churn != null && random.nextDouble() >= stillThere) {
                continue; // left before the split
            }
            double[] days = new double[window];
            double[] drives = new double[window];
            int kept = Math.min(window, history.visits());
            int start = history.visits() - kept;
            System.arraycopy(history.days(), start, days, 0, kept);
            System.arraycopy(historyDrives, start, drives, 0, kept);
            double t = from;
            // A constant hazard until the next visit: the time to leaving is exponential, drawn again after each visit.
            double leaves = churn == null ? Double.POSITIVE_INFINITY : t + exponential(churn.hazardPerDay(x, remembered.mean()), random);
            while (true) {
                double bound = form.intensity(x, season, rate, days, drives, kept, t, true);
                t -= Math.log(1 - random.nextDouble()) / bound;
                if (t >= Math.min(until, leaves)) {
                    break;
                }
                double lambda = form.intensity(x, season, rate, days, drives, kept, t, false);
                if (random.nextDouble() * bound < lambda) {
                    total++;
                    // The newest visit replaces the oldest; its drive is the member's average.
                    if (kept == window) {
                        System.arraycopy(days, 1, days, 0, window - 1);
                        System.arraycopy(drives, 1, drives, 0, window - 1);
                        kept--;
                    }
                    days[kept] = t;
                    drives[kept] = meanDrive;
                    kept++;
                    if (churn != null) {
                        remembered.add(meanSatisfaction);
                        leaves = t + exponential(churn.hazardPerDay(x, remembered.mean()), random);
                    }
                    // Each visit takes at least the session gap: sessionising would merge anything sooner.
                    t += sessionGap;
                }
            }
        }
        return (double) total / DRAWS;
    }
}

package dev.loopsim.users.fit;

import dev.loopsim.core.model.VisitModel;
import dev.loopsim.core.random.RandomStreams;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import dev.loopsim.users.visit.SelfExcitingParameters;
import dev.loopsim.users.visit.SelfExcitingVisits;
import java.time.Instant;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Visit logs drawn from the simulator's own visit model, exported as CSV the way a user's log
 * would be: member, ISO timestamp, reward. Day 0 is Monday 2026-01-05 00:00 UTC, so the
 * simulator's phases are the fit's.
 */
final class SimulatedVisitLog {
    static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    private static final double[] TASTE = {1};
    private static final double[] LATENT = {0};

    private SimulatedVisitLog() { }

    /**
     * @param logRateMean  μ of log b_u (per day)
     * @param logRateSd    σ of log b_u
     * @param rewards      satisfaction of each visit drawn uniformly from {0.2, 0.6, 1.0}; otherwise 1
     */
    static String csv(SelfExcitingParameters parameters, int members, double horizonDays, double logRateMean,
                      double logRateSd, boolean rewards, long seed) {
        return csv(new SelfExcitingVisits(parameters), parameters.window(), members, horizonDays, logRateMean, logRateSd,
                rewards, seed);
    }

    /** The same from any of the simulator's visit models, remembering {@code history} visits. */
    static String csv(VisitModel model, int history, int members, double horizonDays, double logRateMean,
                      double logRateSd, boolean rewards, long seed) {
        RandomStreams streams = RandomStreams.of(seed, 0);
        UniformRandomProvider rates = streams.forWorld("rates");
        GaussianSampler gaussian = new GaussianSampler(ZigguratSampler.NormalizedGaussian.of(rates), logRateMean, logRateSd);
        StringBuilder out = new StringBuilder("member,timestamp,reward\n");
        for (int id = 0; id < members; id++) {
            double rate = Math.exp(gaussian.sample());
            MemberState member = Members.member(id, rate, TASTE, LATENT, history, seed);
            UniformRandomProvider satisfaction = streams.forMember(id, "satisfaction");
            double t = model.nextVisitDay(member, 0, horizonDays);
            while (t < horizonDays) {
                double s = rewards ? 0.2 + 0.4 * satisfaction.nextInt(3) : 1;
                member.recordVisit(t, s, true);
                Instant at = MONDAY.plusNanos(Math.round(t * 86_400e9));
                out.append("m").append(id).append(',').append(at).append(',').append(s).append('\n');
                double next = model.nextVisitDay(member, t, horizonDays);
                // A model with churn may end the member unseen before their next visit (never before the first).
                t = model.churnDay(member, t, next, horizonDays) < next ? Double.POSITIVE_INFINITY : next;
            }
        }
        return out.toString();
    }
}

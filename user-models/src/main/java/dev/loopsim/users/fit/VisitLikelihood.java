package dev.loopsim.users.fit;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The point-process log-likelihood of a visit log, log L = Σ_u [Σ_j log λ_u(t_j) − ∫ λ_u dt],
 * with each member's base rate integrated out against the population's log-normal prior
 * (see {@link RateMarginal}). The integrals are exact (see {@link MemberTrack}).
 *
 * <p>Members are evaluated in parallel into an array and summed in member order, so the value
 * does not depend on the thread count.
 */
final class VisitLikelihood {
    private final List<MemberTrack> tracks;
    private final int window;

    VisitLikelihood(List<MemberTrack> tracks, int window) {
        this.tracks = List.copyOf(tracks);
        this.window = window;
    }

    static VisitLikelihood of(VisitLog log, int window) {
        return new VisitLikelihood(log.members().stream()
                .map(m -> new MemberTrack(m, log.endDay())).toList(), window);
    }

    List<MemberTrack> tracks() {
        return tracks;
    }

    int window() {
        return window;
    }

    double logLikelihood(FitParameters p) {
        if (!p.admissible()) {
            return Double.NEGATIVE_INFINITY;
        }
        MemberTrack.Stats[] stats = stats(p);
        double sum = 0;
        for (MemberTrack.Stats s : stats) {
            sum += s.logSum() + RateMarginal.logMarginal(s.count(), s.integral(), p.logRateMean(), p.logRateSd());
        }
        return sum;
    }

    MemberTrack.Stats[] stats(FitParameters p) {
        Season season = new Season(p);
        MemberTrack.Stats[] stats = new MemberTrack.Stats[tracks.size()];
        IntStream.range(0, tracks.size()).parallel()
                .forEach(u -> stats[u] = tracks.get(u).evaluate(p, season, window, null));
        return stats;
    }

    /** Each member's posterior mean base rate, per day. */
    double[] memberRates(FitParameters p) {
        MemberTrack.Stats[] stats = stats(p);
        double[] rates = new double[stats.length];
        for (int u = 0; u < stats.length; u++) {
            rates[u] = RateMarginal.posteriorMean(stats[u].count(), stats[u].integral(), p.logRateMean(), p.logRateSd());
        }
        return rates;
    }
}

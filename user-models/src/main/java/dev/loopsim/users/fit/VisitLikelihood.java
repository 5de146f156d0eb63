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
    private final VisitForm form;
    private final List<MemberTrack> tracks;
    private final int window;

    VisitLikelihood(VisitForm form, List<MemberTrack> tracks, int window) {
        this.form = form;
        this.tracks = List.copyOf(tracks);
        this.window = window;
    }

    static VisitLikelihood of(VisitLog log, FitOptions options) {
        return new VisitLikelihood(options.visitForm(),
                log.members().stream().map(m -> new MemberTrack(m, log.endDay(), genreCoordinates(log, options))).toList(),
                options.window());
    }

    /** The map from the log's genres to the fitted form's genre coordinates. */
    static int[] genreCoordinates(VisitLog log, FitOptions options) {
        if (!log.genres().containsAll(options.genres())) {
            throw new IllegalArgumentException("the options' genres " + options.genres() + " are not all the log's " + log.genres());
        }
        return MemberTrack.genreCoordinates(log.genres(), options.genres());
    }

    List<MemberTrack> tracks() {
        return tracks;
    }

    double logLikelihood(double[] natural) {
        if (!form.admissible(natural)) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (double value : perMember(natural, false)) {
            sum += value;
        }
        return sum;
    }

    /** Each member's posterior mean base rate, per day. */
    double[] memberRates(double[] natural) {
        return perMember(natural, true);
    }

    /** Per member, in parallel: the log marginal likelihood, or the posterior mean rate. */
    private double[] perMember(double[] natural, boolean rates) {
        Season season = form.season(natural);
        double mu = natural[natural.length - 2];
        double sigma = Math.exp(natural[natural.length - 1]);
        double[] values = new double[tracks.size()];
        IntStream.range(0, tracks.size()).parallel().forEach(u -> {
            RateMarginal marginal = new RateMarginal(form.member(tracks.get(u), natural, season, window, null, null), mu, sigma);
            values[u] = rates ? marginal.mean() : marginal.logMarginal();
        });
        return values;
    }
}

package dev.loopsim.results.metrics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A result's name and the family it belongs to. Names are made and read here alone, so no
 * caller tells an off-policy estimate from an A/B readout by the look of its name.
 *
 * @param family what kind of result it is
 * @param name   as it appears in summaries, CSV headers and expectations
 */
public record MetricId(Family family, String name) {

    public enum Family {
        /** A run-level metric of the registry ({@link Metrics#forRun}), a bandit world's, or one across cells. */
        RUN,
        /** An A/B test's readout of one variant at one day: {@code pooled_take_fraction_d28}. */
        AB_READOUT,
        /** A readout's lift as one test's analyst reads it from its members: {@code ..._d28_member_lift}. */
        AB_READOUT_BY_MEMBER,
        /** An off-policy estimator's result against the truth, for an ope target: {@code ope_ips_covered}. */
        OPE
    }

    private static final String OPE_PREFIX = "ope_";
    private static final Pattern BY_MEMBER = Pattern.compile(".*_d\\d+_member_[a-z]+");
    private static final Pattern READOUT = Pattern.compile(".*_d\\d+");
    private static final Pattern RETENTION = Pattern.compile("(" + Metrics.RETENTION_PREFIX + "|"
            + Metrics.NEW_MEMBER_RETENTION_PREFIX + ")\\d+");

    /** An estimator's statistic, e.g. ({@code switch-dr}, {@code covered}) → {@code ope_switch_dr_covered}. */
    public static MetricId ope(String estimator, String statistic) {
        return new MetricId(Family.OPE, OPE_PREFIX + estimator.replace('-', '_').toLowerCase(Locale.ROOT) + "_" + statistic);
    }

    /** A readout: the variant (training mode or counterfactual), the metric, and the day it is read at. */
    public static MetricId readout(String variant, String metric, int day) {
        return new MetricId(Family.AB_READOUT, variant + "_" + metric + "_d" + day);
    }

    /** This readout's lift statistic as one test's members give it: {@code lift}, {@code lower}, {@code upper}, {@code p}. */
    public MetricId byMember(String statistic) {
        if (family != Family.AB_READOUT) {
            throw new IllegalStateException(name + " is not an A/B readout");
        }
        return new MetricId(Family.AB_READOUT_BY_MEMBER, name + "_member_" + statistic);
    }

    /** The id a name was made as. */
    public static MetricId parse(String name) {
        if (name.startsWith(OPE_PREFIX)) {
            return new MetricId(Family.OPE, name);
        }
        if (BY_MEMBER.matcher(name).matches()) {
            return new MetricId(Family.AB_READOUT_BY_MEMBER, name);
        }
        if (READOUT.matcher(name).matches() && !RETENTION.matcher(name).matches()) {
            return new MetricId(Family.AB_READOUT, name);
        }
        return new MetricId(Family.RUN, name);
    }

    /**
     * Whether each replicate's value is 0 or 1 (an ope estimator's {@code covered}, a bandit's
     * {@code found_best_arm}), so that a share of replicates is tested exactly rather than by a t-test.
     */
    public boolean binary() {
        return family == Family.OPE ? name.endsWith("_covered") : name.equals(BanditMetrics.FOUND_BEST_ARM);
    }

    public static boolean isRunLevel(String name) {
        return parse(name).family() == Family.RUN;
    }
}

package dev.loopsim.scenarios.spec;

import dev.loopsim.core.ParameterException;
import dev.loopsim.scenarios.expect.MultipleTesting;
import java.util.List;

/**
 * What to measure and how to summarise it.
 *
 * @param regret         measure expected regret against the oracle on every visit (costs an
 *                       oracle ranking per visit)
 * @param retentionDays  the d of each retention_d metric, each in [7, horizon]; when not given,
 *                       {@link #AUTOMATIC_RETENTION_DAYS} that fit within the horizon
 * @param confidence     confidence level of the intervals and of expectations
 * @param multipleTesting how expectations share the error rate: {@code none}, or {@code holm}
 */
public record MetricsSpec(boolean regret, List<Integer> retentionDays, double confidence, MultipleTesting multipleTesting) {
    public static final List<Integer> AUTOMATIC_RETENTION_DAYS = List.of(7, 28);
    public static final MetricsSpec DEFAULTS = new MetricsSpec(true, null, 0.95, MultipleTesting.NONE);

    public MetricsSpec {
        if (retentionDays != null) { // null: resolved against the horizon by the scenario
            retentionDays = List.copyOf(retentionDays);
            for (int i = 0; i < retentionDays.size(); i++) {
                if (retentionDays.get(i) < 7) {
                    throw new ParameterException("retentionDays[" + i + "]",
                            "retention days must be >= 7 (retention looks at the week before day d), found " + retentionDays.get(i));
                }
            }
        }
        checkConfidence(confidence);
        multipleTesting = multipleTesting == null ? MultipleTesting.NONE : multipleTesting;
    }

    /** These settings with automatic retention days resolved for a horizon. */
    public MetricsSpec resolvedFor(double horizonDays) {
        if (retentionDays != null) {
            return this;
        }
        return new MetricsSpec(regret, AUTOMATIC_RETENTION_DAYS.stream().filter(d -> d <= horizonDays).toList(), confidence, multipleTesting);
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new ParameterException("confidence", "confidence must be in (0.5, 1), found " + confidence);
        }
    }
}

package dev.loopsim.results.metrics;

import java.util.List;

/**
 * What to measure.
 *
 * @param qualityThreshold ω at or above which a play is a quality play
 * @param retentionDays    the d of each retention_d metric
 * @param regret           whether visits carry the oracle's play probability
 */
public record MetricOptions(double qualityThreshold, List<Integer> retentionDays, boolean regret) {
    public MetricOptions {
        retentionDays = List.copyOf(retentionDays);
    }
}

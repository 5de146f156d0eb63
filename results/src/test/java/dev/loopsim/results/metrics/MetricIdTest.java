package dev.loopsim.results.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricIdTest {

    @Test
    void everyNameParsesBackToTheFamilyItWasMadeAs() {
        for (MetricId id : List.of(MetricId.ope("switch-dr", "covered"), MetricId.readout("pooled", "take_fraction", 28),
                MetricId.readout("per-cell", "plays_per_member", 365).byMember("lift"),
                MetricId.readout("counterfactual", "visits_per_member", 7).byMember("p"))) {
            assertThat(MetricId.parse(id.name())).isEqualTo(id);
        }
        assertThat(MetricId.ope("switch-dr", "covered").name()).isEqualTo("ope_switch_dr_covered");
        assertThat(MetricId.readout("pooled", "take_fraction", 28).byMember("lower").name())
                .isEqualTo("pooled_take_fraction_d28_member_lower");
    }

    @Test
    void everyRegisteredMetricIsRunLevelRetentionIncluded() {
        for (Metric<?> metric : Metrics.forRun(new MetricOptions(0.5, List.of(7, 28, 90), true))) {
            assertThat(MetricId.parse(metric.name()).family()).as(metric.name()).isEqualTo(MetricId.Family.RUN);
        }
        assertThat(MetricId.isRunLevel(Metrics.HOMOGENIZATION_VS_ORACLE)).isTrue();
        assertThat(MetricId.isRunLevel("regret_at_1000")).isTrue();
    }
}

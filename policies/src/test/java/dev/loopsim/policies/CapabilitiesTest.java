package dev.loopsim.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.policy.Capabilities;
import dev.loopsim.policies.ranking.SlateQRanker;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    @Test
    void capabilitiesComeFromTheRegistration() {
        var slateq = PolicyRegistry.ranker("slateq").orElseThrow();
        var quiet = SlateQRanker.Parameters.DEFAULTS;
        assertThat(slateq.capabilities(quiet).statesPropensities()).isEqualTo(quiet.exploration() == 0);
        assertThat(quiet.exploration()).as("the default explores, so it states no odds").isPositive();
        assertThat(PolicyRegistry.ranker("oracle").orElseThrow().capabilities(new dev.loopsim.policies.ranking.OracleRanker.Parameters()))
                .isEqualTo(Capabilities.ORACLE);
        assertThat(PolicyRegistry.rankers()).filteredOn(t -> t.capabilities(t.defaults()).takesGuardrail())
                .extracting(PolicyType::name).containsExactly("constrained-ts");
        assertThat(PolicyRegistry.rankers()).filteredOn(t -> !t.capabilities(t.defaults()).learns())
                .extracting(PolicyType::name).containsExactly("random", "newest", "oracle");
    }
}

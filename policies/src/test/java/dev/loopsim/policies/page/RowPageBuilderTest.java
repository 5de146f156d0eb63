package dev.loopsim.policies.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.world.Page;
import dev.loopsim.policies.Worlds;
import dev.loopsim.policies.ranking.OracleRanker;
import org.junit.jupiter.api.Test;

class RowPageBuilderTest {

    @Test
    void fillsRowsInRankOrderAndLeavesMissingSlotsEmpty() {
        var catalog = Worlds.catalog(5);
        Page page = new RowPageBuilder(2, 3, new OracleRanker()).build(Worlds.context(catalog, Worlds.member(0, 1)));
        assertThat(page.rows()).isEqualTo(2);
        assertThat(page.columns()).isEqualTo(3);
        assertThat(page.titles()).containsExactly(4, 3, 2, 1, 0, -1);
        assertThat(page.filledSlots()).isEqualTo(5);
        assertThat(page.rowKinds()).containsExactly("top-picks", "top-picks");
    }
}

package dev.loopsim.policies.page;

import dev.loopsim.core.policy.RowOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.Page;
import dev.loopsim.policies.Worlds;
import dev.loopsim.policies.bandit.BanditAlgorithms;
import dev.loopsim.policies.bandit.BanditAlgorithms.ThompsonParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowOrderTest {

    @Test
    @SuppressWarnings("unchecked")
    void learnsToPutTheRowThatGetsPlayedFirst() {
        Catalog catalog = Worlds.catalog(4);
        var type = (BanditAlgorithms.Type<ThompsonParameters>) BanditAlgorithms.find("thompson").orElseThrow();
        RowOrder order = new BanditRowOrder(catalog, List.of("trending", "new-releases"), type, ThompsonParameters.DEFAULTS);
        var member = Worlds.member(0, 3);
        var random = member.consumeStream();
        double[] playRate = {0.05, 0.3}; // a play from new-releases is six times as likely
        int newFirst = 0;
        for (int round = 0; round < 2000; round++) {
            int[] rows = order.order(Worlds.context(catalog, member));
            List<String> kinds = List.of(rows[0] == 0 ? "trending" : "new-releases", rows[0] == 0 ? "new-releases" : "trending");
            Page page = new Page(2, 1, kinds, new int[] {0, 1});
            int played = -1;
            for (int slot = 0; slot < 2 && played < 0; slot++) {
                if (random.nextDouble() < playRate[rows[slot]]) {
                    played = slot;
                }
            }
            order.learn(new FeedbackBatch(round, round + 1, List.of(new VisitFeedback(round, 0, page, played,
                    played < 0 ? 0 : 0.7)), List.of()));
            if (round >= 1500) {
                newFirst += rows[0] == 1 ? 1 : 0;
            }
        }
        assertThat(newFirst).isGreaterThan(450); // of the last 500 pages
    }
}

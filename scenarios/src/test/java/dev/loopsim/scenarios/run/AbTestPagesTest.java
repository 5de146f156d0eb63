package dev.loopsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.PageBuilder;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbTestPagesTest {

    /** Remembers which members' feedback it learned from, and when it retrained. */
    private static final class Recording implements PageBuilder {
        final List<Integer> visitsOf = new ArrayList<>();
        final List<Integer> rewardsOf = new ArrayList<>();
        final List<Double> retrains = new ArrayList<>();

        @Override
        public Page build(DecisionContext context) {
            return Page.EMPTY;
        }

        @Override
        public void learn(FeedbackBatch batch) {
            batch.visits().forEach(v -> visitsOf.add(v.memberId()));
            batch.rewards().forEach(r -> rewardsOf.add(r.memberId()));
        }

        @Override
        public void retrain(double day) {
            retrains.add(day);
        }
    }

    private static FeedbackBatch batch() {
        List<VisitFeedback> visits = new ArrayList<>();
        List<RewardFeedback> rewards = new ArrayList<>();
        for (int member = 0; member < 4; member++) {
            visits.add(VisitFeedback.search(1, member, -1, 0));
            rewards.add(new RewardFeedback(1, member, 0, 0, 0.5, 1));
        }
        return new FeedbackBatch(0, 1, visits, rewards);
    }

    private static final int[] CELL_OF = {0, 1, 1, 0};

    @Test
    void pooledArmsLearnFromEveryoneAndPerCellArmsFromTheirOwn() {
        Recording a = new Recording();
        Recording b = new Recording();
        new AbTestPages(List.of(a, b), CELL_OF, true, new double[] {1, 1}).learn(batch());
        assertThat(a.visitsOf).containsExactly(0, 1, 2, 3);
        assertThat(b.rewardsOf).containsExactly(0, 1, 2, 3);

        Recording c = new Recording();
        Recording d = new Recording();
        new AbTestPages(List.of(c, d), CELL_OF, false, new double[] {1, 1}).learn(batch());
        assertThat(c.visitsOf).containsExactly(0, 3);
        assertThat(c.rewardsOf).containsExactly(0, 3);
        assertThat(d.visitsOf).containsExactly(1, 2);
        assertThat(d.rewardsOf).containsExactly(1, 2);
    }

    @Test
    void eachArmRetrainsOnItsOwnSchedule() {
        Recording daily = new Recording();
        Recording everyOtherDay = new Recording();
        Recording never = new Recording();
        AbTestPages pages = new AbTestPages(List.of(daily, everyOtherDay, never), new int[] {0}, true, new double[] {1, 2, 0});
        for (int day = 1; day <= 6; day++) {
            pages.retrain(day);
        }
        assertThat(daily.retrains).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(everyOtherDay.retrains).containsExactly(2.0, 4.0, 6.0);
        assertThat(never.retrains).isEmpty();
    }
}

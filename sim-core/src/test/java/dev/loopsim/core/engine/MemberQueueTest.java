package dev.loopsim.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MemberQueueTest {
    private record Entry(double day, MemberState member) { }

    /**
     * Against the reference order (day, then id) over random interleavings of adds and polls, with
     * many ties (days on a coarse grid) and growth past the initial capacity: every poll agrees.
     */
    @Test
    void pollsInDayThenIdOrderLikeAPriorityQueue() {
        SplittableRandom random = new SplittableRandom(7);
        List<MemberState> members = new ArrayList<>();
        for (int id = 0; id < 300; id++) {
            members.add(Members.member(id, 1, new double[] {0}, new double[] {0}, 1, id));
        }
        MemberQueue queue = new MemberQueue();
        PriorityQueue<Entry> reference = new PriorityQueue<>(Comparator.comparingDouble(Entry::day)
                .thenComparingInt(e -> e.member().id()));
        List<MemberState> out = new ArrayList<>(members); // members not queued, free to add
        long polls = 0;
        for (int step = 0; step < 20_000; step++) {
            if (!out.isEmpty() && (reference.isEmpty() || random.nextInt(3) > 0)) {
                MemberState member = out.remove(random.nextInt(out.size()));
                double day = random.nextInt(50) / 4.0;
                queue.add(day, member);
                reference.add(new Entry(day, member));
            } else {
                assertThat(queue.firstDay()).isEqualTo(reference.peek().day());
                MemberState polled = queue.poll();
                assertThat(polled).isSameAs(reference.poll().member());
                out.add(polled);
                polls++;
            }
            assertThat(queue.isEmpty()).isEqualTo(reference.isEmpty());
        }
        while (!reference.isEmpty()) {
            assertThat(queue.poll()).isSameAs(reference.poll().member());
        }
        assertThat(queue.isEmpty()).isTrue();
        assertThat(polls).isGreaterThan(5_000);
    }
}

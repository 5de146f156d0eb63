package dev.loopsim.core.clock.mason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopsim.core.clock.EventKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasonClockTest {

    @Test
    void runsEventsByTimeThenKind() {
        MasonClock clock = new MasonClock(1);
        List<String> order = new ArrayList<>();
        clock.schedule(2, EventKind.SNAPSHOT, () -> order.add("snapshot@2"));
        clock.schedule(2, EventKind.ITEM_RELEASE, () -> order.add("release@2"));
        clock.schedule(1, EventKind.RETRAIN, () -> {
            order.add("retrain@1");
            clock.schedule(1.5, EventKind.POLICY_UPDATE, () -> order.add("update@1.5 now=" + clock.now()));
        });
        clock.schedule(2, EventKind.POLICY_UPDATE, () -> order.add("update@2"));
        clock.run();
        assertThat(order).containsExactly("retrain@1", "update@1.5 now=1.5", "release@2", "update@2", "snapshot@2");
    }

    @Test
    void refusesEventsInThePast() {
        MasonClock clock = new MasonClock(1);
        clock.schedule(3, EventKind.SNAPSHOT, () -> clock.schedule(2, EventKind.SNAPSHOT, () -> { }));
        assertThatThrownBy(clock::run).isInstanceOf(IllegalStateException.class).hasMessage("cannot schedule a SNAPSHOT event at day 2.0: the clock is already at day 3.0");
        assertThatThrownBy(() -> new MasonClock(1).schedule(Double.NaN, EventKind.END, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

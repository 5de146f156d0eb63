package dev.loopsim.core.engine;

import java.util.Arrays;
import dev.loopsim.core.world.MemberState;

/**
 * A shard's members by the time of their next event, earliest first, ties by member id: a binary
 * heap over primitive arrays. Comparing two entries reads two doubles (and two ints on a tie)
 * from arrays, never a member object, and adding allocates nothing, which is what the shard's
 * loop of one poll and one add per member event needs. Each member is in it at most once, so
 * (day, id) orders every entry and the order of polls is fixed whatever the order of adds.
 */
final class MemberQueue {
    private double[] days = new double[16];
    private int[] ids = new int[16];
    private MemberState[] members = new MemberState[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    /** The day of the earliest entry; the queue must not be empty. */
    double firstDay() {
        return days[0];
    }

    void add(double day, MemberState member) {
        if (size == days.length) {
            int grown = size * 2;
            days = Arrays.copyOf(days, grown);
            ids = Arrays.copyOf(ids, grown);
            members = Arrays.copyOf(members, grown);
        }
        int at = size++;
        int id = member.id();
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(day, id, days[parent], ids[parent])) {
                break;
            }
            move(parent, at);
            at = parent;
        }
        put(at, day, id, member);
    }

    /** Removes and returns the earliest entry's member; the queue must not be empty. */
    MemberState poll() {
        MemberState first = members[0];
        int last = --size;
        double day = days[last];
        int id = ids[last];
        MemberState member = members[last];
        members[last] = null;
        int at = 0;
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < size && before(days[right], ids[right], days[child], ids[child])) {
                child = right;
            }
            if (!before(days[child], ids[child], day, id)) {
                break;
            }
            move(child, at);
            at = child;
        }
        if (size > 0) {
            put(at, day, id, member);
        }
        return first;
    }

    private static boolean before(double day, int id, double otherDay, int otherId) {
        int byDay = Double.compare(day, otherDay);
        return byDay < 0 || (byDay == 0 && id < otherId);
    }

    private void move(int from, int to) {
        days[to] = days[from];
        ids[to] = ids[from];
        members[to] = members[from];
    }

    private void put(int at, double day, int id, MemberState member) {
        days[at] = day;
        ids[at] = id;
        members[at] = member;
    }
}

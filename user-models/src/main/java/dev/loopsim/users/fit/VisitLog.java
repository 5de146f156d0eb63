package dev.loopsim.users.fit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Members' visits, sessionised from an event log: for each member the visit days (since
 * {@code origin}, ascending) and each visit's satisfaction.
 *
 * @param source   where the log came from, for messages
 * @param origin   day 0: the Monday 00:00 at or before the first event, so weekly phases name weekdays
 * @param endDay   the end of observation (the last event of the whole log, or as asked)
 * @param events   events read, before sessionising
 * @param sessionGapDays the gap that separated visits
 * @param members  members in order of first appearance in the log
 */
public record VisitLog(String source, Instant origin, double endDay, long events, double sessionGapDays,
                       List<MemberVisits> members) {

    /**
     * One member's visits.
     *
     * @param id            the member id as written in the log
     * @param days          visit start days, ascending
     * @param satisfaction  each visit's satisfaction s_k (1 when the log has no rewards)
     * @param atRiskFrom    when the member could next start a visit: the visit's last event plus the
     *                      session gap (sessionising forbids a new visit before then)
     */
    public record MemberVisits(String id, double[] days, double[] satisfaction, double[] atRiskFrom) {
        public MemberVisits {
            Objects.requireNonNull(id, "id");
            if (days.length != satisfaction.length || days.length != atRiskFrom.length || days.length == 0) {
                throw new IllegalArgumentException("a member needs one satisfaction and end per visit and at least one visit");
            }
        }

        /** Visits as points, at risk again at once: a log whose every event is a visit. */
        public MemberVisits(String id, double[] days, double[] satisfaction) {
            this(id, days, satisfaction, days.clone());
        }

        public int visits() {
            return days.length;
        }
    }

    public VisitLog {
        members = List.copyOf(members);
    }

    public long visits() {
        return members.stream().mapToLong(MemberVisits::visits).sum();
    }

    /** The same log observed only until {@code day}: later visits dropped, members with none left out. */
    public VisitLog until(double day) {
        List<MemberVisits> kept = members.stream()
                .map(m -> {
                    int n = 0;
                    while (n < m.days().length && m.days()[n] < day) {
                        n++;
                    }
                    if (n == 0) {
                        return null;
                    }
                    double[] atRisk = java.util.Arrays.copyOf(m.atRiskFrom(), n);
                    atRisk[n - 1] = Math.min(atRisk[n - 1], day);
                    return new MemberVisits(m.id(), java.util.Arrays.copyOf(m.days(), n),
                            java.util.Arrays.copyOf(m.satisfaction(), n), atRisk);
                })
                .filter(Objects::nonNull).toList();
        return new VisitLog(source, origin, day, events, sessionGapDays, kept);
    }
}

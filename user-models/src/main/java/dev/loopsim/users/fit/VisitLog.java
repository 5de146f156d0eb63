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
 * @param genres   the genres the log names, in order of first appearance (empty if it names none)
 */
public record VisitLog(String source, Instant origin, double endDay, long events, double sessionGapDays,
                       List<MemberVisits> members, List<String> genres) {

    /**
     * One member's visits.
     *
     * @param id            the member id as written in the log
     * @param days          visit start days, ascending
     * @param satisfaction  each visit's satisfaction s_k (1 when the log has no rewards)
     * @param atRiskFrom    when the member could next start a visit: the visit's last event plus the
     *                      session gap (sessionising forbids a new visit before then)
     * @param genres        each visit's genre, an index into the log's {@link VisitLog#genres()}, or
     *                      {@link #NO_GENRE}
     */
    public record MemberVisits(String id, double[] days, double[] satisfaction, double[] atRiskFrom, int[] genres) {
        public static final int NO_GENRE = -1;

        public MemberVisits {
            Objects.requireNonNull(id, "id");
            if (days.length != satisfaction.length || days.length != atRiskFrom.length || days.length != genres.length
                    || days.length == 0) {
                throw new IllegalArgumentException("a member needs one satisfaction, end and genre per visit and at least one visit");
            }
        }

        /** Visits without genres. */
        public MemberVisits(String id, double[] days, double[] satisfaction, double[] atRiskFrom) {
            this(id, days, satisfaction, atRiskFrom, noGenres(days.length));
        }

        private static int[] noGenres(int n) {
            int[] none = new int[n];
            java.util.Arrays.fill(none, NO_GENRE);
            return none;
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
        genres = List.copyOf(genres);
    }

    /** A log that names no genres. */
    public VisitLog(String source, Instant origin, double endDay, long events, double sessionGapDays, List<MemberVisits> members) {
        this(source, origin, endDay, events, sessionGapDays, members, List.of());
    }

    /**
     * The genres of at least {@code visits} visits each, those whose own excitation a fit can tell
     * apart: in numeric order where they are numbers (a loopsim log's), else alphabetical.
     */
    public List<String> genresWithAtLeast(long visits) {
        long[] counts = visitsPerGenre();
        return java.util.stream.IntStream.range(0, genres.size()).filter(g -> counts[g] >= visits).mapToObj(genres::get)
                .sorted(java.util.Comparator.comparing((String g) -> g.matches("-?\\d{1,9}") ? Integer.parseInt(g) : Integer.MAX_VALUE)
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .toList();
    }

    /** Per genre of {@link #genres()}, how many visits it is the genre of. */
    public long[] visitsPerGenre() {
        long[] counts = new long[genres.size()];
        for (MemberVisits member : members) {
            for (int genre : member.genres()) {
                if (genre != MemberVisits.NO_GENRE) {
                    counts[genre]++;
                }
            }
        }
        return counts;
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
                            java.util.Arrays.copyOf(m.satisfaction(), n), atRisk, java.util.Arrays.copyOf(m.genres(), n));
                })
                .filter(Objects::nonNull).toList();
        return new VisitLog(source, origin, day, events, sessionGapDays, kept, genres);
    }
}

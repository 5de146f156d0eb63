package dev.loopsim.users.fit;

import dev.loopsim.users.data.DataFileException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an event log (CSV with a header, or Parquet: a member id, a timestamp, optionally a
 * reward and the genre of what was played; other columns such as the title are ignored) and sessionises it into visits. Timestamps are epoch
 * seconds or milliseconds, days, or ISO-8601 date-times (UTC unless they say otherwise).
 *
 * <p>Day 0 of the result is the Monday 00:00 UTC at or before the first event (for a log in
 * days, day 0 itself), so the fitted weekly phase names a weekday. A visit starts at its first
 * event; its satisfaction is the scaled mean reward of its events.
 */
public final class EventLogReader {
    private static final double SECONDS_PER_DAY = 86_400;

    private EventLogReader() { }

    /** A CSV log, or a Parquet one if the file name ends in {@code .parquet}. */
    public static VisitLog read(Path file, EventLogFormat format) {
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
            if (!Files.isRegularFile(file)) {
                throw new DataFileException(file.toString(), 0, "no such file");
            }
            return ParquetEventLog.read(file, format);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader, format);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file.toString(), 0, "no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new DataFileException(file.toString(), dev.loopsim.core.Problems.line(e), "not readable as CSV: "
                    + dev.loopsim.core.Problems.message(e));
        }
    }

    public static VisitLog read(String name, Reader reader, EventLogFormat format) throws IOException {
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build().parse(reader);
        List<String> header = parser.getHeaderNames();
        String memberColumn = column(name, header, format.memberColumn(), EventLogFormat.MEMBER_NAMES, "member id", true);
        String timeColumn = column(name, header, format.timeColumn(), EventLogFormat.TIME_NAMES, "timestamp", true);
        String rewardColumn = format.rewards()
                ? column(name, header, format.rewardColumn(), EventLogFormat.REWARD_NAMES, "reward", false) : null;
        String genreColumn = format.genreColumn() == null ? null
                : column(name, header, format.genreColumn(), List.of(), "genre", true);
        Map<String, List<double[]>> byMember = new LinkedHashMap<>(); // member -> {seconds, reward or NaN, genre or −1}
        Genres genres = new Genres();
        long events = 0;
        TimeSpan span = new TimeSpan(name, true);
        try (parser) {
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                if (!row.isConsistent()) {
                    throw new DataFileException(name, line, "expected " + header.size() + " fields, found " + row.size());
                }
                String member = row.get(memberColumn);
                if (member.isEmpty()) {
                    throw new DataFileException(name, line, memberColumn + " is empty; expected a member id");
                }
                double seconds = seconds(name, line, timeColumn, row.get(timeColumn), format.timeUnit());
                span.add(seconds, line, row.get(timeColumn));
                double reward = rewardColumn == null ? Double.NaN : reward(name, line, rewardColumn, row.get(rewardColumn));
                double genre = genreColumn == null ? VisitLog.MemberVisits.NO_GENRE : genres.index(row.get(genreColumn));
                byMember.computeIfAbsent(member, key -> new ArrayList<>()).add(new double[]{seconds, reward, genre});
                events++;
            }
        }
        if (events == 0) {
            throw new DataFileException(name, 0, "the log holds no events; expected a header and at least one row");
        }
        span.check();
        return sessionise(name, byMember, events, format, genres.labels);
    }

    /** Genre labels numbered in order of first appearance; an empty or missing one is no genre. */
    static final class Genres {
        final List<String> labels = new ArrayList<>();
        private final Map<String, Integer> indexes = new java.util.HashMap<>();

        int index(String label) {
            if (label == null || label.isEmpty()) {
                return VisitLog.MemberVisits.NO_GENRE;
            }
            return indexes.computeIfAbsent(label, key -> {
                labels.add(key);
                return labels.size() - 1;
            });
        }
    }

    static VisitLog sessionise(String name, Map<String, List<double[]>> byMember, long events, EventLogFormat format,
                               List<String> genres) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (List<double[]> list : byMember.values()) {
            list.sort((a, b) -> Double.compare(a[0], b[0]));
            first = Math.min(first, list.get(0)[0]);
            last = Math.max(last, list.get(list.size() - 1)[0]);
        }
        double origin = format.timeUnit() == EventLogFormat.TimeUnit.DAYS ? 0 : mondayBefore(first);
        double gapSeconds = format.sessionGapDays() * SECONDS_PER_DAY;
        List<VisitLog.MemberVisits> members = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> entry : byMember.entrySet()) {
            List<double[]> visits = new ArrayList<>(); // {start day, satisfaction, at risk from, genre}
            double previous = Double.NEGATIVE_INFINITY;
            double rewardSum = 0;
            int rewarded = 0;
            for (double[] event : entry.getValue()) {
                if (event[0] - previous > gapSeconds || (gapSeconds == 0 && event[0] != previous)) {
                    close(visits, rewardSum, rewarded, format.rewardScale(), previous, gapSeconds, origin);
                    visits.add(new double[]{(event[0] - origin) / SECONDS_PER_DAY, 0, 0, VisitLog.MemberVisits.NO_GENRE});
                    rewardSum = 0;
                    rewarded = 0;
                }
                double[] open = visits.get(visits.size() - 1);
                if (open[3] == VisitLog.MemberVisits.NO_GENRE) {
                    open[3] = event[2];
                }
                if (!Double.isNaN(event[1])) {
                    rewardSum += event[1];
                    rewarded++;
                }
                previous = event[0];
            }
            close(visits, rewardSum, rewarded, format.rewardScale(), previous, gapSeconds, origin);
            members.add(new VisitLog.MemberVisits(entry.getKey(), column(visits, 0), column(visits, 1), column(visits, 2),
                    visits.stream().mapToInt(visit -> (int) visit[3]).toArray()));
        }
        Instant originInstant = Instant.ofEpochMilli(Math.round(origin * 1000));
        return new VisitLog(name, originInstant, (last - origin) / SECONDS_PER_DAY, events, format.sessionGapDays(), members,
                genres);
    }

    /** Completes the open visit, if any: its satisfaction, and when its member is at risk of the next one. */
    private static void close(List<double[]> visits, double rewardSum, int rewarded, double scale, double lastEvent,
                              double gapSeconds, double origin) {
        if (visits.isEmpty()) {
            return;
        }
        double[] visit = visits.get(visits.size() - 1);
        visit[1] = rewarded == 0 ? 1 : scale * rewardSum / rewarded;
        visit[2] = (lastEvent + gapSeconds - origin) / SECONDS_PER_DAY;
    }

    private static double[] column(List<double[]> rows, int index) {
        return rows.stream().mapToDouble(row -> row[index]).toArray();
    }

    /** Epoch seconds of the Monday 00:00 UTC at or before the given epoch second. */
    private static double mondayBefore(double epochSeconds) {
        Instant at = Instant.ofEpochSecond((long) Math.floor(epochSeconds));
        LocalDateTime monday = LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.toEpochSecond(ZoneOffset.UTC);
    }

    static String column(String name, List<String> header, String asked, List<String> usual, String what,
                                 boolean required) {
        if (asked != null) {
            if (!header.contains(asked)) {
                throw new DataFileException(name, 1, "no " + what + " column '" + asked + "'; the header has " + header);
            }
            return asked;
        }
        for (String candidate : usual) {
            if (header.contains(candidate)) {
                return candidate;
            }
        }
        if (required) {
            throw new DataFileException(name, 1, "expected a " + what + " column named one of " + usual
                    + " (or name it with an option), found " + header);
        }
        return null;
    }

    /** About ±3,000 years around 1970: further out, a time is a corrupt value, not an event. */
    static final double MAX_ABS_SECONDS = 1e11;
    /** Ratings, watch fractions and satisfaction scores are small numbers; past this a reward is corrupt. */
    static final double MAX_ABS_REWARD = 1e9;

    /** A time in seconds since 1970, refused when it is beyond {@link #MAX_ABS_SECONDS}. */
    static double inRange(String name, long line, String column, double seconds, String text) {
        if (!(Math.abs(seconds) <= MAX_ABS_SECONDS)) {
            throw new DataFileException(name, line, column + " must lie within 1e11 seconds "
                    + "(about 3,000 years) of 1970, found '" + dev.loopsim.core.Problems.quoted(text) + "'");
        }
        return seconds;
    }

    static double seconds(String name, long line, String column, String text, EventLogFormat.TimeUnit unit) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return inRange(name, line, column, value * unit.seconds, text);
            }
        } catch (NumberFormatException e) {
            // not a number: try a date-time below
        }
        try {
            String iso = text.replace(' ', 'T');
            Instant instant = text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")
                    ? java.time.OffsetDateTime.parse(iso).toInstant()
                    : iso.contains("T") ? LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC)
                    : java.time.LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
            return inRange(name, line, column, instant.getEpochSecond() + instant.getNano() * 1e-9, text);
        } catch (DateTimeParseException e) {
            throw new DataFileException(name, line, column + " must be a number (" + unit.name().toLowerCase(java.util.Locale.ROOT)
                    + ") or an ISO-8601 date-time, found '" + dev.loopsim.core.Problems.quoted(text) + "'");
        }
    }

    static double reward(String name, long line, String column, String text) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Math.abs(value) <= MAX_ABS_REWARD) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataFileException(name, line, column + " must be a number in [-1e9, 1e9] or empty, found '"
                + dev.loopsim.core.Problems.quoted(text) + "'");
    }
}

package dev.loopsim.results.ope;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a log in the Open Bandit Dataset's format (Saito et al. 2020): a CSV whose columns
 * include item_id, position, click, propensity_score, user_feature_0 and
 * user-item_affinity_0..K−1 (K, the number of items). Problems name the file and line.
 */
public final class OpenBanditDataset {
    static final List<String> REQUIRED = List.of("item_id", "position", "click", "propensity_score");

    private OpenBanditDataset() { }

    /** Whether a header looks like the Open Bandit Dataset's. */
    public static boolean recognises(List<String> header) {
        return header.containsAll(REQUIRED);
    }

    public static BanditLog read(Path file) {
        String name = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setAllowMissingColumnNames(true).build().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (!recognises(header)) {
                throw new OpeException(name, 1, "expected the Open Bandit Dataset's columns " + REQUIRED + ", found " + header);
            }
            List<String> affinityColumns = header.stream().filter(h -> h.startsWith("user-item_affinity_")).toList();
            boolean hasContext = header.contains("user_feature_0");
            boolean hasTime = header.contains("timestamp");
            List<BanditLog.Row> rows = new ArrayList<>();
            int largestItem = -1;
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    throw new OpeException(name, line, "expected " + header.size() + " fields, found " + record.size());
                }
                int item = whole(name, line, record, "item_id");
                if (item < 0 || item >= LoopsimLog.MAX_TITLES) {
                    throw new OpeException(name, line, "item_id must be an item index in [0, " + LoopsimLog.MAX_TITLES
                            + "), found " + item);
                }
                int position = whole(name, line, record, "position");
                if (position < 0 || position > MAX_POSITION) {
                    throw new OpeException(name, line, "position must be a slot in [0, " + MAX_POSITION + "], found " + position);
                }
                double click = number(name, line, record, "click");
                if (!(Math.abs(click) <= MAX_ABS_REWARD)) {
                    throw new OpeException(name, line, "click must be a reward (0 or 1, or a number within " + MAX_ABS_REWARD
                            + " of 0), found " + click);
                }
                double propensity = number(name, line, record, "propensity_score");
                if (!(propensity > 0 && propensity <= 1)) {
                    throw new OpeException(name, line, "propensity_score must be in (0, 1], found " + propensity);
                }
                double[] affinity = new double[affinityColumns.size()];
                for (int k = 0; k < affinity.length; k++) {
                    affinity[k] = number(name, line, record, affinityColumns.get(k));
                }
                rows.add(new BanditLog.Row(item, position, click, propensity, hasContext ? record.get("user_feature_0") : "", affinity,
                        hasTime ? time(name, line, record.get("timestamp")) : Double.NaN));
                largestItem = Math.max(largestItem, item);
            }
            if (rows.isEmpty()) {
                throw new OpeException(name, 0, "the log holds no rounds");
            }
            int actions = Math.max(largestItem + 1, affinityColumns.size());
            return new BanditLog(name, actions, rows);
        } catch (NoSuchFileException e) {
            throw new OpeException(name, 0, "no such file");
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new OpeException(name, dev.loopsim.core.Problems.line(e), "not readable as CSV: " + dev.loopsim.core.Problems.message(e));
        }
    }

    /**
     * Writes a log in the format {@link #read} reads, and Open Bandit Pipeline's loaders expect: an
     * unnamed index column, timestamp, item_id, position, click, propensity_score and user_feature_0
     * (the round's context). A round without a time gets the epoch; a loopsim log's day 0 is
     * 1970-01-01. Propensities are written in full, so estimates on the file equal those on the log.
     */
    public static void write(BanditLog log, Path file) throws IOException {
        StringBuilder out = new StringBuilder(80 * log.rows().size() + 64)
                .append(",timestamp,item_id,position,click,propensity_score,user_feature_0\n");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
            long index = 0;
            for (BanditLog.Row row : log.rows()) {
                double reward = row.reward();
                printer.printRecord(index++, timestamp(Double.isNaN(row.time()) ? 0 : row.time()), row.action(), row.position(),
                        reward == Math.rint(reward) ? Long.toString((long) reward) : Double.toString(reward),
                        Double.toString(row.propensity()), row.context());
            }
        }
        dev.loopsim.results.io.AtomicFiles.writeString(file, out.toString());
    }

    /** Seconds since the epoch as the dataset writes a time, to the microsecond. */
    static String timestamp(double seconds) {
        long micros = Math.round(seconds * 1e6);
        java.time.OffsetDateTime t = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L)
                .atOffset(java.time.ZoneOffset.UTC);
        return TIMESTAMP.format(t);
    }

    private static final java.time.format.DateTimeFormatter TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    /** Slots on a page; a log's position beyond this is a corrupt value, not a page. */
    static final int MAX_POSITION = 10_000;
    /** Clicks are 0 or 1 and other rewards small numbers; past this a reward is corrupt, and would swamp any estimate. */
    static final double MAX_ABS_REWARD = 1e9;
    /** About ±3,000 years around 1970: further out, a time is a corrupt value, not a round. */
    static final double MAX_ABS_SECONDS = 1e11;

    /** The Open Bandit Dataset's "2019-11-24 00:01:03.979311+00:00", in seconds since the epoch. */
    private static double time(String name, long line, String text) {
        try {
            java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(text.trim().replace(' ', 'T'));
            if (Math.abs(t.toEpochSecond()) > MAX_ABS_SECONDS) {
                throw new OpeException(name, line, "timestamp must lie within about 3,000 years of 1970, found '"
                        + dev.loopsim.core.Problems.quoted(text) + "'");
            }
            return t.toEpochSecond() + t.getNano() / 1e9;
        } catch (java.time.format.DateTimeParseException e) {
            throw new OpeException(name, line, "timestamp must be a date and time such as 2019-11-24 00:01:03.979311+00:00, "
                    + "found '" + dev.loopsim.core.Problems.quoted(text) + "'");
        }
    }

    /** The file itself, or the one log file in a folder (item_context.csv aside). */
    public static Path locate(Path path) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        try (java.util.stream.Stream<Path> files = Files.list(path)) {
            List<Path> candidates = files.filter(p -> p.toString().endsWith(".csv")
                    && !p.getFileName().toString().equals("item_context.csv")).sorted().toList();
            if (candidates.size() != 1) {
                throw new OpeException(path.toString(), 0, "expected one log file (besides item_context.csv) in the folder, found "
                        + candidates.stream().map(p -> p.getFileName().toString()).toList());
            }
            return candidates.get(0);
        } catch (IOException e) {
            throw new OpeException(path.toString(), 0, "not readable: " + dev.loopsim.core.Problems.message(e));
        }
    }

    private static int whole(String name, long line, CSVRecord record, String column) {
        String text = record.get(column).trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new OpeException(name, line, column + " must be a whole number, found '" + dev.loopsim.core.Problems.quoted(text) + "'");
        }
    }

    private static double number(String name, long line, CSVRecord record, String column) {
        String text = record.get(column).trim();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OpeException(name, line, column + " must be a number, found '" + dev.loopsim.core.Problems.quoted(text) + "'");
    }
}

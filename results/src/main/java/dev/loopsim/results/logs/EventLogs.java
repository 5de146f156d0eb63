package dev.loopsim.results.logs;

import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.results.io.ParquetFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event logs of an experiment. Runs stream their events into part files (CSV without a
 * header, one per run, shard and kind); {@link #finish} gathers each kind into one file in part
 * order (replicate, cell, shard; then time within a shard), as CSV or, through DuckDB, Parquet,
 * and removes the parts. Files appear under their final names only once complete. A run that
 * fails (a full disk, a crashed policy) removes its parts and half-written files when it closes the
 * logs, so that what stays is complete, and the disk space comes back.
 */
public final class EventLogs implements AutoCloseable {
    /** What {@link #finish} writes. */
    public enum Format { PARQUET, CSV, BOTH }

    private static final String PARTS = ".parts";
    private final Path directory;
    private final Set<LogKind> kinds;
    private final Format format;
    private final Map<LogKind, List<Path>> parts = new EnumMap<>(LogKind.class);
    private final List<Writer> open = new ArrayList<>();
    private boolean finished;

    private EventLogs(Path directory, Set<LogKind> kinds, Format format) {
        this.directory = directory;
        this.kinds = Set.copyOf(kinds);
        this.format = format;
        kinds.forEach(kind -> parts.put(kind, new ArrayList<>()));
    }

    public static EventLogs open(Path directory, Set<LogKind> kinds, Format format) throws IOException {
        Files.createDirectories(directory.resolve(PARTS));
        return new EventLogs(directory, kinds, format);
    }

    /**
     * The observer that logs one run.
     *
     * @param contextKey  the member context a policy could see, as logged (e.g. the genre they play most)
     * @param policyOfRow the policy that fills a row, by row kind
     */
    public RunObserver forRun(int replicate, String cell, Function<DecisionContext, String> contextKey,
                              Function<String, String> policyOfRow) {
        return new RunLogWriter(this, replicate, cell, contextKey, policyOfRow);
    }

    /** A new part file for one shard of a run; null when the kind is not logged. */
    synchronized Writer part(LogKind kind) {
        if (!kinds.contains(kind)) {
            return null;
        }
        List<Path> list = parts.get(kind);
        Path part = directory.resolve(PARTS).resolve(kind.label() + "-" + list.size() + ".csv");
        try {
            Writer writer = new BufferedWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8), 1 << 16);
            list.add(part);
            open.add(writer);
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event log " + part + ": " + e.getMessage(), e);
        }
    }

    /** Closes the parts written so far (the end of a run); every writer is closed even when one fails. */
    synchronized void closeParts() {
        IOException failure = null;
        for (Writer writer : open) {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (failure != null) {
            throw new UncheckedIOException("cannot write the event logs in " + directory + ": " + failure.getMessage(), failure);
        }
    }

    /** Gathers every kind into its final file(s) and removes the parts. */
    public void finish() throws IOException {
        closeParts();
        for (LogKind kind : LogKind.values()) {
            if (!kinds.contains(kind)) {
                continue;
            }
            Path parquet = directory.resolve(kind.label() + ".parquet");
            if (format == Format.PARQUET) {
                ParquetFiles.fromCsv(parts.get(kind), false, kind.duckdbColumns(), parquet);
                continue;
            }
            Path gathered = directory.resolve(kind.label() + ".csv.tmp");
            try {
                gather(kind, gathered);
            } catch (IOException e) {
                Files.deleteIfExists(gathered);
                throw new IOException("cannot write the event log " + directory.resolve(kind.label() + ".csv") + ": "
                        + e.getMessage(), e);
            }
            if (format == Format.BOTH) {
                ParquetFiles.fromCsv(List.of(gathered), true, kind.duckdbColumns(), parquet);
            }
            Files.move(gathered, directory.resolve(kind.label() + ".csv"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        removeParts();
        finished = true;
    }

    private void gather(LogKind kind, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            String header = kind.columns().stream().map(LogKind.Column::name).collect(Collectors.joining(",")) + "\n";
            out.write(header.getBytes(StandardCharsets.UTF_8));
            for (Path part : parts.get(kind)) {
                Files.copy(part, out);
            }
        }
    }

    private void removeParts() throws IOException {
        for (List<Path> list : parts.values()) {
            for (Path part : list) {
                Files.deleteIfExists(part);
            }
            list.clear();
        }
        Files.deleteIfExists(directory.resolve(PARTS));
    }

    /**
     * Closes what is still open. Without a {@link #finish} (the run failed), the parts and any
     * half-gathered file are removed: a full disk gets its space back, and no partial log is left
     * under a final name. Files of kinds already gathered stay; the run itself is marked incomplete.
     */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            closeParts();
        } catch (UncheckedIOException e) {
            // The run has already failed; closing on a full disk fails too, and the parts go anyway.
        }
        try {
            removeParts();
            try (var leftovers = Files.newDirectoryStream(directory, "*.tmp")) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished event logs in " + directory + ": " + e.getMessage(), e);
        }
    }
}

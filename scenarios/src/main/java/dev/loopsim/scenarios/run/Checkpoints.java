package dev.loopsim.scenarios.run;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.loopsim.results.io.AtomicFiles;
import dev.loopsim.results.ope.OpeEstimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The replicates of an experiment that are done, kept on disk as each finishes, so that an
 * interrupted run can go on where it stopped: a replicate's runs depend only on the scenario and
 * the replicate, so the ones kept are exactly what a rerun would give.
 */
public final class Checkpoints {
    /** No checkpoints: nothing kept, nothing done. */
    public static final Checkpoints NONE = new Checkpoints(null);
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private final Path directory;

    /** One finished replicate: every cell's run, and the ope block's estimates when there is one. */
    public record Replicate(int replicate, List<CellRun> runs, Map<String, List<OpeEstimate>> ope) { }

    /** @param directory where the replicates are kept (created when the first is saved) */
    public Checkpoints(Path directory) {
        this.directory = directory;
    }

    /** The replicate, if it was finished before. */
    public Optional<Replicate> done(int replicate) {
        if (directory == null) {
            return Optional.empty();
        }
        Path file = file(replicate);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Replicate.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many replicates are done. */
    public long count() {
        if (directory == null || !Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("replicate-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void save(Replicate replicate) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            AtomicFiles.writeString(file(replicate.replicate()), toJson(replicate));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the checkpoint of replicate " + replicate.replicate() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A replicate as it is kept: JSON that {@link #fromJson} reads back exactly (doubles included). */
    public static String toJson(Replicate replicate) {
        try {
            return JSON.writeValueAsString(replicate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Replicate fromJson(String json) {
        try {
            return JSON.readValue(json, Replicate.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a kept replicate: " + e.getMessage(), e);
        }
    }

    /** Removes the kept replicates: the run is complete. */
    public void clear() throws IOException {
        if (directory != null) {
            AtomicFiles.deleteTree(directory);
        }
    }

    /** The checkpoints of one point of a sweep, in a folder of their own. */
    public Checkpoints point(int index) {
        return new Checkpoints(directory == null ? null : directory.resolve("point-" + index));
    }

    private Path file(int replicate) {
        return directory.resolve("replicate-" + replicate + ".json");
    }
}

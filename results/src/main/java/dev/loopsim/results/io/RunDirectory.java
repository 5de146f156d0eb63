package dev.loopsim.results.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A run's output folder. It holds an {@value #INCOMPLETE} marker from creation until
 * {@link #markComplete()}, so a run that was interrupted or failed never looks finished.
 * Every file is written to a temporary name and moved into place atomically.
 */
public final class RunDirectory {
    public static final String INCOMPLETE = "INCOMPLETE";
    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * Creates the folder (which must not exist, or be empty) and claims it by creating the
     * incomplete marker, which only one of several runs started together can do: the others fail
     * and touch nothing.
     */
    /** A folder that cannot become (or be resumed as) a run directory: the caller's input, not a failure of the run. */
    public static final class Unusable extends IOException {
        private static final long serialVersionUID = 1L;

        public Unusable(String message, IOException cause) {
            super(message, cause);
        }
    }

    public static RunDirectory create(Path root) throws IOException {
        if (Files.exists(root)) {
            if (!Files.isDirectory(root)) {
                throw new IOException(root + " exists and is not a directory");
            }
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(root + " already exists and is not empty; choose another --out");
                }
            }
        }
        Files.createDirectories(root);
        Path marker = root.resolve(INCOMPLETE);
        try {
            Files.writeString(marker, "run started " + Instant.now() + "; this marker is removed when the run completes\n",
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException claimed) {
            throw new IOException(root + " was claimed by another run started at the same time; choose another --out");
        }
        try (Stream<Path> entries = Files.list(root)) {
            if (entries.anyMatch(entry -> !entry.getFileName().toString().equals(INCOMPLETE))) {
                // Another run claimed, filled and completed the folder between the check above and the claim.
                Files.delete(marker);
                throw new IOException(root + " already exists and is not empty; choose another --out");
            }
        }
        return new RunDirectory(root);
    }

    /** An interrupted run's folder, to finish it: it must still be marked incomplete. */
    public static RunDirectory resume(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a run directory");
        }
        if (isComplete(root)) {
            throw new IOException(root + " is complete: there is nothing to resume");
        }
        RunDirectory directory = new RunDirectory(root);
        directory.write(INCOMPLETE, "run resumed " + Instant.now() + "; this marker is removed when the run completes\n");
        return directory;
    }

    public Path root() {
        return root;
    }

    /** Writes a file atomically: readers see the old content or the new, never a part. */
    public void write(String name, String content) throws IOException {
        AtomicFiles.writeString(root.resolve(name), content);
    }

    /** Records why the run did not complete, leaving the marker in place. */
    public void markFailed(String reason) throws IOException {
        write(INCOMPLETE, "run did not complete: " + reason + "\n");
    }

    /** Removes the marker: the last step of a successful run. */
    public void markComplete() throws IOException {
        Files.deleteIfExists(root.resolve(INCOMPLETE));
    }

    public static boolean isComplete(Path root) {
        return Files.isDirectory(root) && !Files.exists(root.resolve(INCOMPLETE));
    }
}

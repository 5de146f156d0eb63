package dev.loopsim.results.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files written atomically: readers see the old content or the new, never a part. */
public final class AtomicFiles {
    private AtomicFiles() { }

    /** Writes a file's content to a path given to it. */
    @FunctionalInterface
    public interface Writing {
        void to(Path file) throws IOException;
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, file -> Files.write(file, content));
    }

    /** Lets {@code writing} write a temporary file beside {@code target}, then renames it into place. */
    public static void write(Path target, Writing writing) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Same folder, so the move is a rename; a name no other writer uses, with ordinary permissions.
        Path temporary = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + "." + Thread.currentThread().getId() + ".tmp");
        try {
            writing.to(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

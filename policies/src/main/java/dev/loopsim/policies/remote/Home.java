package dev.loopsim.policies.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * loopsim's checkout, where its Python package and examples are: {@code LOOPSIM_HOME} (the
 * launcher sets it), else the folder three levels above the running jar or classes
 * ({@code cli/target/loopsim.jar}, {@code policies/target/classes}). A service's command may name
 * files there as {@code {home}/...}, and a Python service finds the {@code loopsim} package without
 * being installed.
 */
final class Home {
    private Home() { }

    static Optional<Path> find() {
        String set = System.getenv("LOOPSIM_HOME");
        if (set != null && !set.isBlank()) {
            return Optional.of(Path.of(set).toAbsolutePath());
        }
        try {
            Path running = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            Path home = running.getParent() == null || running.getParent().getParent() == null ? null
                    : running.getParent().getParent().getParent();
            return home != null && Files.isDirectory(home.resolve("python/loopsim")) ? Optional.of(home) : Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The command with {@code {home}} replaced; a command that needs it where it is unknown cannot start. */
    static List<String> expand(List<String> command) {
        if (command.stream().noneMatch(part -> part.contains("{home}"))) {
            return command;
        }
        String home = find().map(Path::toString).orElseThrow(() -> new java.io.UncheckedIOException(new java.io.IOException(
                "the command names {home}, loopsim's checkout, which is unknown here: set LOOPSIM_HOME")));
        return command.stream().map(part -> part.replace("{home}", home)).toList();
    }

    /** LOOPSIM_HOME, and the checkout's Python package ahead of PYTHONPATH. */
    static Map<String, String> environment() {
        Optional<Path> home = find();
        if (home.isEmpty()) {
            return Map.of();
        }
        String existing = System.getenv("PYTHONPATH");
        String python = home.get().resolve("python").toString();
        return Map.of("LOOPSIM_HOME", home.get().toString(),
                "PYTHONPATH", existing == null || existing.isBlank() ? python : python + java.io.File.pathSeparator + existing);
    }
}

package dev.loopsim.results.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.results.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * manifest.json: what produced a run, so that it can be reproduced and resumed.
 *
 * @param libraries      every library the results depend on, by name, with its version
 * @param scenarioOrigin where the scenario was read from (a file or a bundled name); null if unknown
 * @param overrides      the {@code --set} assignments a sweep's points were read with; empty otherwise
 */
public record Manifest(String loopsimVersion, String gitCommit, String gitDirty, String scenarioSha256, String javaVersion,
                       String javaVendor, String os, String arch, Map<String, String> libraries, String scenarioOrigin,
                       List<String> overrides) {

    public static final String FILE = "manifest.json";

    public Manifest {
        libraries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
        overrides = List.copyOf(overrides);
    }

    public String toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("loopsim_version", loopsimVersion);
        node.put("git_commit", gitCommit);
        node.put("git_dirty", gitDirty);
        node.put("scenario_sha256", scenarioSha256);
        node.put("java_version", javaVersion);
        node.put("java_vendor", javaVendor);
        node.put("os", os);
        node.put("arch", arch);
        ObjectNode libs = node.putObject("libraries");
        libraries.forEach(libs::put);
        if (scenarioOrigin != null) {
            node.put("scenario_origin", scenarioOrigin);
        }
        if (!overrides.isEmpty()) {
            var list = node.putArray("overrides");
            overrides.forEach(list::add);
        }
        return Json.write(node);
    }

    /** Reads a run's manifest; fields an older loopsim did not write come back empty. */
    public static Manifest read(Path run) throws IOException {
        JsonNode node = Json.read(run.resolve(FILE));
        Map<String, String> libraries = new LinkedHashMap<>();
        node.path("libraries").fields().forEachRemaining(e -> libraries.put(e.getKey(), e.getValue().asText()));
        List<String> overrides = new ArrayList<>();
        node.path("overrides").forEach(o -> overrides.add(o.asText()));
        return new Manifest(node.path("loopsim_version").asText(""), node.path("git_commit").asText(""),
                node.path("git_dirty").asText(""), node.path("scenario_sha256").asText(""),
                node.path("java_version").asText(""), node.path("java_vendor").asText(""), node.path("os").asText(""),
                node.path("arch").asText(""), libraries,
                node.hasNonNull("scenario_origin") ? node.path("scenario_origin").asText() : null, overrides);
    }
}

package dev.loopsim.results.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopsim.results.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * summary.json of a sweep: its parameters, and per point their values, its own run directory
 * and whether its expectations held.
 */
public record SweepSummary(String scenario, boolean complete, List<String> parameters, List<Point> points,
                           boolean expectationsHold) {

    /** @param directory the point's run directory, relative to the sweep's */
    public record Point(int point, Map<String, String> values, String directory, boolean expectationsHold) {
        public Point {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    public SweepSummary {
        parameters = List.copyOf(parameters);
        points = List.copyOf(points);
    }

    public String toJson() {
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("scenario", scenario);
        summary.put("complete", complete);
        ArrayNode parametersNode = summary.putArray("parameters");
        parameters.forEach(parametersNode::add);
        ArrayNode pointsNode = summary.putArray("points");
        for (Point p : points) {
            ObjectNode point = pointsNode.addObject();
            point.put("point", p.point());
            ObjectNode values = point.putObject("values");
            p.values().forEach(values::put);
            point.put("directory", p.directory());
            point.put("expectations_hold", p.expectationsHold());
        }
        summary.put("expectations_hold", expectationsHold);
        return Json.write(summary);
    }

    public static SweepSummary read(Path run) throws IOException {
        JsonNode node = Json.read(run.resolve(RunSummary.FILE));
        List<String> parameters = new ArrayList<>();
        node.path("parameters").forEach(p -> parameters.add(p.asText()));
        List<Point> points = new ArrayList<>();
        for (JsonNode p : node.path("points")) {
            Map<String, String> values = new LinkedHashMap<>();
            p.path("values").fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().asText()));
            points.add(new Point(p.path("point").asInt(), values, p.path("directory").asText(),
                    p.path("expectations_hold").asBoolean()));
        }
        return new SweepSummary(node.path("scenario").asText(""), node.path("complete").asBoolean(), parameters, points,
                node.path("expectations_hold").asBoolean());
    }
}

package dev.loopsim.scenarios.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.loopsim.core.ParameterException;
import dev.loopsim.scenarios.spec.DefaultsMerge;
import dev.loopsim.scenarios.spec.DidYouMean;
import dev.loopsim.scenarios.spec.MetricsSpec;
import dev.loopsim.scenarios.spec.PageSpec;
import dev.loopsim.scenarios.spec.AbTestSpec;
import dev.loopsim.scenarios.spec.BanditWorldSpec;
import dev.loopsim.scenarios.spec.ScenarioSpec;
import dev.loopsim.scenarios.spec.WorldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a scenario: YAML text, then {@code --set} overrides, then defaults, then the validated
 * records. Any failure becomes one {@link ScenarioException} naming the file, the YAML path,
 * its line and column, and what was expected.
 */
public final class ScenarioLoader {
    /** A scenario is a page or two of YAML; these bounds make a runaway file fail at once, not after minutes. */
    public static final int MAX_SCENARIO_CHARS = 1 << 20;
    public static final int MAX_NESTING_DEPTH = 64;
    private static final java.util.regex.Pattern PATH_SEPARATORS = java.util.regex.Pattern.compile("[.\\[\\]]+");

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .addModule(dev.loopsim.scenarios.spec.KeyedEnums.module())
            .build();

    /**
     * A loaded scenario: the records, and the fully resolved YAML that reproduces them.
     *
     * @param origin where the scenario was read from: a path, or {@code scenarios/library/NAME.yaml} for a bundled one
     */
    public record Loaded(ScenarioSpec spec, String resolvedYaml, String origin) { }

    public static YAMLMapper mapper() {
        return MAPPER;
    }

    public static Loaded load(ScenarioSource source) throws ScenarioException {
        return load(source, List.of());
    }

    public static Loaded load(ScenarioSource source, List<String> overrides) throws ScenarioException {
        ObjectNode root = parse(source);
        ciOverrides(source, root, false);
        if (root.has(Sweeps.KEY)) {
            int[] at = YamlLocator.locate(source.text(), List.of(Sweeps.KEY));
            throw new ScenarioException(source.origin(), Sweeps.KEY, at[0], at[1], "this scenario is a sweep: load it as one "
                    + "(loopsim run and check do)");
        }
        return load(source, overrides, root);
    }

    /**
     * A sweep's points, each a scenario of its own: the scenario's {@code sweep} applied as overrides
     * after the given ones. A scenario without a sweep is one point with no parameters.
     */
    public static Sweeps.Sweep sweep(ScenarioSource source, List<String> overrides) throws ScenarioException {
        return sweep(source, overrides, false);
    }

    /**
     * @param ci whether to apply the scenario's {@code ci} block: the smaller size its expectations are
     *           checked at in continuous integration, as overrides before the given ones
     */
    public static Sweeps.Sweep sweep(ScenarioSource source, List<String> overrides, boolean ci) throws ScenarioException {
        ObjectNode root = parse(source);
        List<String> before = ciOverrides(source, root, ci);
        List<Sweeps.Assignment> points = Sweeps.points(source, root.remove(Sweeps.KEY));
        List<Sweeps.Point> loaded = new java.util.ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<String> all = new java.util.ArrayList<>(before);
            all.addAll(overrides);
            all.addAll(points.get(i).overrides());
            loaded.add(new Sweeps.Point(i, points.get(i).values(), load(source, all, root.deepCopy())));
        }
        return new Sweeps.Sweep(points.isEmpty() ? List.of() : List.copyOf(points.get(0).values().keySet()), loaded);
    }

    /** Removes the {@code ci} block (a mapping of dotted path to value); returns it as overrides when asked for. */
    private static List<String> ciOverrides(ScenarioSource source, ObjectNode root, boolean ci) throws ScenarioException {
        JsonNode block = root.remove("ci");
        if (block == null) {
            return List.of();
        }
        if (!block.isObject()) {
            int[] at = YamlLocator.locate(source.text(), List.of("ci"));
            throw new ScenarioException(source.origin(), "ci", at[0], at[1], "expected a mapping of dotted path to value, "
                    + "e.g. {replicates: 3}");
        }
        List<String> overrides = new java.util.ArrayList<>();
        block.fields().forEachRemaining(e -> overrides.add(e.getKey() + "=" + Sweeps.text(e.getValue())));
        return ci ? overrides : List.of();
    }

    /**
     * Walks the tokens once, before the tree is built: a syntax error or a nesting deeper than
     * {@link #MAX_NESTING_DEPTH} is reported where the walk stopped (a read constraint carries no
     * location of its own), and a YAML alias ({@code *name}), which Jackson would read silently as
     * the string "name", is refused where it stands.
     */
    private static void checkSyntax(ScenarioSource source) throws ScenarioException {
        try (JsonParser walk = MAPPER.createParser(source.text())) {
            try {
                while (walk.nextToken() != null) {
                    if (walk instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                        JsonLocation at = walk.currentTokenLocation();
                        throw new ScenarioException(source.origin(), "", at.getLineNr(), at.getColumnNr(), "YAML aliases (*"
                                + walk.getText() + ") are not supported: write the value out where it is used");
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : walk.currentLocation();
                throw new ScenarioException(source.origin(), "", at.getLineNr(), at.getColumnNr(),
                        "not valid YAML: " + yamlProblem(e.getOriginalMessage()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a parser over a string does no I/O
        }
    }

    private static ObjectNode parse(ScenarioSource source) throws ScenarioException {
        if (source.text().length() > MAX_SCENARIO_CHARS) {
            throw new ScenarioException(source.origin(), "", 0, 0, "the scenario has " + source.text().length()
                    + " characters; a scenario may have at most " + MAX_SCENARIO_CHARS + " characters");
        }
        checkSyntax(source);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(source.text());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioException(source.origin(), "", at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "not valid YAML: " + yamlProblem(e.getOriginalMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ScenarioException(source.origin(), "", 0, 0, "the scenario is empty; expected a mapping with at least name and cells");
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new ScenarioException(source.origin(), "", 1, 1, "expected a mapping (key: value lines) at the top level");
        }
        return root;
    }

    private static Loaded load(ScenarioSource source, List<String> overrides, ObjectNode root) throws ScenarioException {
        for (String assignment : overrides) {
            Overrides.apply(MAPPER, root, assignment);
        }
        legacyCascade(source, root);
        ModelInclude.apply(source, root);
        BaselineInclude.apply(source, root);
        JsonNode merged = DefaultsMerge.merge(defaults(), root);
        if (root.get("bandit") instanceof ObjectNode bandit) {
            // A bandit world's defaults apply only to a scenario that asks for one.
            ((ObjectNode) merged).set("bandit", DefaultsMerge.merge(MAPPER.valueToTree(BanditWorldSpec.DEFAULTS), bandit));
        }
        ScenarioSpec spec;
        try {
            spec = MAPPER.treeToValue(merged, ScenarioSpec.class);
        } catch (JsonProcessingException e) {
            throw translate(source, overrides, merged, e);
        } catch (IllegalArgumentException e) {
            throw translate(source, overrides, merged, e);
        }
        try {
            return new Loaded(spec, MAPPER.writeValueAsString(spec), source.origin());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a valid scenario could not be written back as YAML", e);
        }
    }

    /**
     * {@code world.response.cascade: true}, the spelling before response models had a type, is
     * {@code type: cascade}; {@code false} says nothing. Old run directories keep loading.
     */
    private static void legacyCascade(ScenarioSource source, ObjectNode root) throws ScenarioException {
        if (!(root.get("world") instanceof ObjectNode world) || !(world.get("response") instanceof ObjectNode response)
                || !response.has("cascade")) {
            return;
        }
        JsonNode cascade = response.remove("cascade");
        if (!cascade.isBoolean()) {
            int[] at = YamlLocator.locate(source.text(), List.of("world", "response", "cascade"));
            throw new ScenarioException(source.origin(), "world.response.cascade", at[0], at[1],
                    "expected true or false (or, better, type: cascade), found " + cascade);
        }
        if (cascade.booleanValue()) {
            JsonNode type = response.get("type");
            if (type != null && !type.asText().equals("cascade")) {
                int[] at = YamlLocator.locate(source.text(), List.of("world", "response", "cascade"));
                throw new ScenarioException(source.origin(), "world.response.cascade", at[0], at[1],
                        "cascade: true contradicts type: " + type.asText() + "; say only type: cascade");
            }
            response.put("type", "cascade");
        }
    }

    /** Every default as a YAML tree; a one-object list is the template of each item. */
    static ObjectNode defaults() {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("description", "");
        d.put("seed", 1);
        d.put("replicates", 1);
        d.put("horizon_days", 30);
        d.put("update_every", "1h");
        d.put("shards", 64);
        ObjectNode world = MAPPER.valueToTree(WorldSpec.DEFAULTS);
        // Only the default type: each visit model lays its own defaults under what the user gives.
        world.putObject("visits").put("type", WorldSpec.DEFAULTS.visits().type());
        d.set("world", world);
        d.set("page", MAPPER.valueToTree(PageSpec.DEFAULTS));
        ObjectNode cell = d.putArray("cells").addObject();
        cell.put("retrain_every", "1d");
        cell.put("explore", 0.0);
        cell.putObject("artwork").put("type", "default");
        cell.putArray("rows").addObject().put("count", 1);
        d.set("metrics", MAPPER.valueToTree(MetricsSpec.DEFAULTS));
        d.putArray("expectations");
        d.putArray("logs");
        d.put("log_format", "parquet");
        d.put("mode", "counterfactual");
        d.set("ab_test", MAPPER.valueToTree(AbTestSpec.DEFAULTS));
        return d;
    }

    /** SnakeYAML's message without its source excerpts: what it was parsing and what it expected. */
    private static String yamlProblem(String message) {
        return java.util.Arrays.stream(message.split("\\R"))
                .filter(line -> !line.isBlank() && !line.startsWith(" in ") && !line.startsWith(" ") && !line.startsWith("\t"))
                .collect(Collectors.joining(": "));
    }

    private static ScenarioException translate(ScenarioSource source, List<String> overrides, JsonNode merged,
                                               Exception failure) {
        List<String> path = new ArrayList<>();
        String problem;
        if (failure instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                path.add(ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()));
            }
            problem = describe(mapping, path, merged);
        } else {
            problem = failure.getMessage();
        }
        return located(source, overrides, path, problem);
    }

    private static String describe(JsonMappingException mapping, List<String> path, JsonNode merged) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return "unknown key '" + unknown.getPropertyName() + "'" + DidYouMean.suggest(unknown.getPropertyName(), known)
                    + "; expected one of " + known;
        }
        Throwable cause = mapping.getCause();
        if (mapping instanceof ValueInstantiationException && cause != null) {
            if (cause instanceof ParameterException parameter) {
                return parameterProblem(parameter, path);
            }
            return cause.getMessage() == null ? cause.toString() : cause.getMessage();
        }
        if (cause instanceof ParameterException parameter) {
            return parameterProblem(parameter, path);
        }
        if (mapping instanceof InvalidFormatException format) {
            return "expected " + typeName(format.getTargetType()) + ", found '" + format.getValue() + "'";
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !mapping.getOriginalMessage().startsWith("expected") && !mapping.getOriginalMessage().startsWith("a ranker")) {
            JsonNode found = valueAt(merged, path);
            return "expected " + typeName(mismatch.getTargetType())
                    + (found == null ? "" : ", found " + (found.isContainerNode() ? (found.isArray() ? "a list" : "a mapping")
                    : "'" + found.asText() + "'"));
        }
        return firstLine(mapping.getOriginalMessage());
    }

    private static JsonNode valueAt(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String segment : path) {
            if (node == null) {
                return null;
            }
            node = node.isArray() && segment.matches("\\d+") ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node;
    }

    /** Points the path at the offending key and speaks its YAML name. */
    private static String parameterProblem(ParameterException parameter, List<String> path) {
        String name = parameter.parameter();
        String message = parameter.getMessage();
        if (!name.isEmpty()) {
            for (String segment : PATH_SEPARATORS.split(name, -1)) {
                if (!segment.isEmpty()) {
                    path.add(snake(segment));
                }
            }
            String head = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            String bare = head.replaceAll("\\[.*", "");
            message = message.replace(bare, snake(bare));
        }
        return message;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a mapping of " + snake(type.getSimpleName().replace("Spec", "").replace("Parameters", "")) + " settings";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String message) {
        String line = message == null ? "invalid value" : message.split("\\R", 2)[0];
        return line.replaceAll(" \\(through reference chain.*", "").replaceAll("`[a-z]+\\.[\\w.$]+`", "value");
    }

    private static ScenarioException located(ScenarioSource source, List<String> overrides, List<String> path, String problem) {
        String dotted = path.stream().map(s -> s.matches("\\d+") ? "[" + s + "]" : "." + s)
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        for (String assignment : overrides) {
            List<String> set = Overrides.path(assignment);
            if (path.size() >= set.size() && path.subList(0, set.size()).equals(set)) {
                return new ScenarioException("--set " + assignment, dotted, 0, 0, problem);
            }
        }
        int[] at = YamlLocator.locate(source.text(), path);
        return new ScenarioException(source.origin(), dotted, at[0], at[1], problem);
    }
}

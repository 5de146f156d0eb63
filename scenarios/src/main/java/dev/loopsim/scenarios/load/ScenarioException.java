package dev.loopsim.scenarios.load;

/**
 * A scenario could not be read: where (file, YAML path, line, column) and what was expected.
 * Line and column are 1-based, or 0 when unknown.
 */
public final class ScenarioException extends Exception {
    private final String origin;
    private final String yamlPath;
    private final int line;
    private final int column;
    private final String problem;

    public ScenarioException(String origin, String yamlPath, int line, int column, String problem) {
        super(format(origin, yamlPath, line, column, problem));
        this.origin = origin;
        this.yamlPath = yamlPath;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String format(String origin, String yamlPath, int line, int column, String problem) {
        StringBuilder text = new StringBuilder(origin);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (yamlPath != null && !yamlPath.isEmpty()) {
            text.append("at ").append(yamlPath).append(": ");
        }
        return text.append(problem).toString();
    }

    public String origin() {
        return origin;
    }

    public String yamlPath() {
        return yamlPath;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}

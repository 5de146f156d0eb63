package dev.loopsim.results.logs;

import java.util.List;

/** The kinds of event log, each with its columns and their DuckDB types. */
public enum LogKind {
    /** Every title shown on a page: where, with what artwork, with what propensity, and what came of it. */
    IMPRESSIONS(List.of(
            col("replicate", "INTEGER"), col("cell", "VARCHAR"), col("day", "DOUBLE"), col("member", "INTEGER"),
            col("visit", "BIGINT"), col("row", "INTEGER"), col("row_kind", "VARCHAR"), col("column", "INTEGER"),
            col("position", "INTEGER"), col("title", "INTEGER"), col("artwork", "INTEGER"), col("policy", "VARCHAR"),
            col("propensity", "DOUBLE"), col("candidates", "INTEGER"), col("context", "VARCHAR"),
            col("examined", "BOOLEAN"), col("played", "BOOLEAN"), col("watch_fraction", "DOUBLE"),
            col("completes", "BOOLEAN"))),
    /** Every play, from the page or from search. */
    PLAYS(List.of(
            col("replicate", "INTEGER"), col("cell", "VARCHAR"), col("day", "DOUBLE"), col("member", "INTEGER"),
            col("visit", "BIGINT"), col("source", "VARCHAR"), col("position", "INTEGER"), col("title", "INTEGER"),
            col("artwork", "INTEGER"), col("watch_fraction", "DOUBLE"), col("completes", "BOOLEAN"))),
    /** Every visit, to the page or to search, with the dominant genre of its play (NULL without one). */
    VISITS(List.of(
            col("replicate", "INTEGER"), col("cell", "VARCHAR"), col("day", "DOUBLE"), col("member", "INTEGER"),
            col("visit", "BIGINT"), col("kind", "VARCHAR"), col("titles_shown", "INTEGER"), col("played", "BOOLEAN"),
            col("satisfaction", "DOUBLE"), col("genre", "INTEGER"))),
    /** Every delayed reward: a series completed some days after its play. */
    REWARDS(List.of(
            col("replicate", "INTEGER"), col("cell", "VARCHAR"), col("day", "DOUBLE"), col("member", "INTEGER"),
            col("title", "INTEGER"), col("artwork", "INTEGER"), col("play_day", "DOUBLE"), col("value", "DOUBLE"))),
    /**
     * Every page visit as a learner outside loopsim sees it: the observation ({@code Observation},
     * space-separated numbers), the page's titles slot by slot (-1 empty), the slot played (-1
     * none) and its watch fraction. {@code loopsim export --format transitions} pairs each with the
     * member's next one.
     */
    OBSERVATIONS(List.of(
            col("replicate", "INTEGER"), col("cell", "VARCHAR"), col("day", "DOUBLE"), col("member", "INTEGER"),
            col("visit", "BIGINT"), col("observation", "VARCHAR"), col("titles", "VARCHAR"), col("played_slot", "INTEGER"),
            col("watch_fraction", "DOUBLE")));

    /** A column and its DuckDB type. */
    public record Column(String name, String type) { }

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<Column> columns;

    LogKind(List<Column> columns) {
        this.columns = columns;
    }

    private static Column col(String name, String type) {
        return new Column(name, type);
    }

    public List<Column> columns() {
        return columns;
    }

    /** The columns as DuckDB's read_csv takes them: {@code {'replicate': 'INTEGER', ...}}. */
    public String duckdbColumns() {
        return columns.stream().map(c -> "'" + c.name() + "': '" + c.type() + "'")
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    }

    /** The name in YAML and file names: {@code impressions}. */
    public String label() {
        return dev.loopsim.core.Keys.of(this);
    }

}

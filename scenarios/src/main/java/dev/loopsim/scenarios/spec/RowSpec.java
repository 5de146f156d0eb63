package dev.loopsim.scenarios.spec;

import dev.loopsim.core.ParameterException;
import dev.loopsim.core.Validate;

/**
 * Rows of one kind on a cell's page.
 *
 * @param kind   top-picks, trending, new-releases, continue-watching, because-you-watched or genre:&lt;g&gt;
 * @param ranker the ranker that orders the row; when absent, the cell's ranker, or the kind's own default
 *               (trending for trending, newest for new-releases, popularity otherwise)
 * @param count  how many rows of this kind (one ranker fills them all, without repeating a title)
 */
public record RowSpec(String kind, RankerSpec ranker, int count) {
    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile(
            "top-picks|trending|new-releases|continue-watching|because-you-watched|genre:\\d+");

    public RowSpec {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new ParameterException("kind", "kind must be one of top-picks, trending, new-releases, continue-watching, "
                    + "because-you-watched, genre:<g>; found " + (kind == null ? "nothing" : "'" + kind + "'"));
        }
        Validate.atLeast("count", count, 1);
    }

    /** The genre of a genre:&lt;g&gt; row, or -1. */
    public int genre() {
        return kind.startsWith("genre:") ? Integer.parseInt(kind.substring(6)) : -1;
    }

    /** The ranker a row of this kind uses when neither it nor its cell names one. */
    public String defaultRanker() {
        return switch (kind) {
            case "trending" -> "trending";
            case "new-releases" -> "newest";
            default -> "popularity";
        };
    }
}

package dev.loopsim.scenarios.spec;

import dev.loopsim.core.ParameterException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One arm of the experiment: a policy stack.
 *
 * @param name          the cell's name, used in results and expectations
 * @param ranker        the ranker that fills the page
 * @param retrainEvery  interval between batch retrains; 0 for never
 */
public record CellSpec(String name, RankerSpec ranker, Days retrainEvery) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public CellSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ParameterException("name", "a cell name must be a letter followed by letters, digits, '_' or '-', found "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        Objects.requireNonNull(ranker, "ranker");
        if (retrainEvery == null || !(retrainEvery.value() >= 0)) {
            throw new ParameterException("retrainEvery", "retrainEvery must be a duration >= 0");
        }
    }
}

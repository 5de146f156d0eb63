package dev.loopsim.scenarios.spec;

import dev.loopsim.core.ParameterException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One arm of the experiment: a policy stack.
 *
 * @param name          the cell's name, used in results and expectations
 * @param ranker        the cell's ranker: fills every row when {@code rows} is empty, and any row that names none
 * @param rows          the page's rows, in order; empty means top-picks on every row, filled by {@code ranker}
 * @param artwork       how each title's artwork is chosen
 * @param retrainEvery  interval between batch retrains; 0 for never
 * @param rowOrder      what orders the rows per visit (a bandit with an arm per row, or a service); null keeps the order given
 * @param policy        in a bandit world (scenario key {@code bandit}), the bandit algorithm the cell plays
 * @param searchShare   this cell's share of visits that go to search (the open loop); null for world.search.share
 * @param explore       ε-uniform exploration around every row's ranker, in [0, 1]: each position takes a random
 *                      candidate with probability ε, so that every choice has a known propensity (0: none)
 */
public record CellSpec(String name, RankerSpec ranker, List<RowSpec> rows, ArtworkSpec artwork, Days retrainEvery,
                       RowOrderSpec rowOrder, BanditSpec policy, Double searchShare, double explore) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public CellSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ParameterException("name", "a cell name must be a letter followed by letters, digits, '_' or '-', found "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        rows = rows == null ? List.of() : List.copyOf(rows);
        if (ranker == null && rows.isEmpty() && policy == null) {
            throw new ParameterException("ranker", "a cell needs a ranker, or rows (each may name its own ranker)");
        }
        if (searchShare != null) {
            dev.loopsim.core.Validate.inRange("searchShare", searchShare, 0, 1);
        }
        if (rowOrder != null && rowOrder.parameters() instanceof dev.loopsim.policies.bandit.BanditAlgorithms.Settings settings
                && settings.reward() == dev.loopsim.policies.bandit.SlotReward.COMPLETION) {
            throw new ParameterException("rowOrder.reward", "a row order learns from click or quality-play: a completion "
                    + "does not say which row the play came from");
        }
        dev.loopsim.core.Validate.inRange("explore", explore, 0, 1);
        Objects.requireNonNull(artwork, "artwork");
        if (retrainEvery == null || !(retrainEvery.value() == 0 || retrainEvery.value() >= 1.0 / 1440)
                || Double.isInfinite(retrainEvery.value())) {
            throw new ParameterException("retrainEvery", "retrainEvery must be 0 (never) or a duration of at least a minute (1m)");
        }
    }
}

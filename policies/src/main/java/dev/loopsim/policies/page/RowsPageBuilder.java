package dev.loopsim.policies.page;

import dev.loopsim.core.policy.RowOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.Collections;
import dev.loopsim.core.policy.ArtworkSelector;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.PageBuilder;
import dev.loopsim.core.policy.Ranker;
import dev.loopsim.core.policy.Ranking;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.policies.remote.RemotePolicyException;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;

/**
 * A page of rows, each of a {@link RowKind} filled by its own ranker, in the order given, with
 * no title twice on the page; rows with no candidates are left out and the page has at most
 * {@code maxRows} rows. Each title gets an artwork from the artwork selector, falling back to
 * the selector's unpersonalised choice and then to the default artwork when it fails. The rows go
 * in plan order, or in the order a {@link RowOrder} bandit chooses per visit.
 */
public final class RowsPageBuilder implements PageBuilder {

    /** Rows of the plan: {@code count} rows of one kind, filled from one ranking of count × columns titles. */
    public record Row(RowKind kind, Ranker ranker, int count) {
        public Row {
            if (count < 1) {
                throw new IllegalArgumentException("count must be >= 1, found " + count);
            }
        }

        public Row(RowKind kind, Ranker ranker) {
            this(kind, ranker, 1);
        }
    }

    private final List<Row> rows;
    private final int maxRows;
    private final int columns;
    private final ArtworkSelector artwork;
    private final List<Ranker> learners;
    private final RowOrder rowOrder;

    public RowsPageBuilder(List<Row> rows, int maxRows, int columns, ArtworkSelector artwork) {
        this(rows, maxRows, columns, artwork, null);
    }

    /** @param rowOrder orders the rows per visit; null keeps the plan's order */
    public RowsPageBuilder(List<Row> rows, int maxRows, int columns, ArtworkSelector artwork, RowOrder rowOrder) {
        this.rowOrder = rowOrder;
        this.rows = List.copyOf(rows);
        this.maxRows = maxRows;
        this.columns = columns;
        this.artwork = artwork;
        Set<Ranker> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Ranker> ordered = new ArrayList<>();
        for (Row row : rows) {
            if (distinct.add(row.ranker())) {
                ordered.add(row.ranker()); // each ranker learns once, however many rows it fills
            }
        }
        this.learners = List.copyOf(ordered);
    }

    @Override
    public Page build(DecisionContext context) {
        BitSet placed = new BitSet(context.catalog().size()); // sized once: growing it word by word costs more than the page
        List<String> kinds = new ArrayList<>();
        int capacity = maxRows * columns;
        int[] slots = new int[capacity];
        double[] propensities = new double[capacity];
        int[] pools = new int[capacity];
        Arrays.fill(slots, -1);
        Arrays.fill(propensities, Double.NaN);
        int filledRows = 0;
        int[] order = rowOrder == null ? null : rowOrder.order(context);
        for (int r = 0; r < rows.size() && filledRows < maxRows; r++) {
            Row row = rows.get(order == null ? r : order[r]);
            int[] candidates = row.kind().candidates(context, placed);
            if (candidates.length == 0) {
                continue;
            }
            int wanted = Math.min(row.count(), maxRows - filledRows) * columns;
            Ranking ranking;
            if (row.kind().ordersItself()) {
                ranking = Ranking.of(Arrays.copyOf(candidates, Math.min(wanted, candidates.length)), 1);
            } else {
                DecisionContext offered = context.withAvailable(candidates);
                ranking = row.ranker().rankWithPropensities(offered, wanted);
            }
            int first = filledRows * columns; // a ranking fills whole page rows from here, in reading order
            for (int k = 0; k < ranking.size(); k++) {
                int title = ranking.titleAt(k);
                placed.set(title);
                slots[first + k] = title;
                propensities[first + k] = ranking.propensityAt(k);
                pools[first + k] = candidates.length;
            }
            int used = (ranking.size() + columns - 1) / columns;
            for (int i = 0; i < used; i++) {
                kinds.add(row.kind().label());
            }
            filledRows += used;
        }
        int size = filledRows * columns;
        int[] artworks = new int[size];
        ArtworkSelector.ForVisit choices = artworkForPage(context, Arrays.copyOf(slots, size));
        for (int slot = 0; slot < size; slot++) {
            if (slots[slot] >= 0) {
                artworks[slot] = chooseArtwork(choices, context.catalog().title(slots[slot]));
            }
        }
        return new Page(filledRows, columns, kinds, Arrays.copyOf(slots, size), artworks, Arrays.copyOf(propensities, size),
                Arrays.copyOf(pools, size));
    }

    /**
     * The selector's choices for this page, or null when it cannot make them: every title then falls
     * back. A policy service that fails stops the run instead: its failure is not a choice.
     */
    private ArtworkSelector.ForVisit artworkForPage(DecisionContext context, int[] titles) {
        try {
            return artwork.forPage(context, titles);
        } catch (RemotePolicyException failed) {
            throw failed;
        } catch (RuntimeException failed) {
            return null;
        }
    }

    /** The selector's choice; on failure its unpersonalised choice; on failure again the default. */
    private int chooseArtwork(ArtworkSelector.ForVisit choices, Title title) {
        int pool = title.artworks().size();
        try {
            int chosen = choices == null ? -1 : choices.select(title);
            if (chosen >= 0 && chosen < pool) {
                return chosen;
            }
        } catch (RuntimeException failed) {
            // fall through to the unpersonalised choice
        }
        try {
            int fallback = artwork.unpersonalized(title);
            if (fallback >= 0 && fallback < pool) {
                return fallback;
            }
        } catch (RuntimeException failed) {
            // fall through to the default artwork
        }
        return 0;
    }

    @Override
    public void learn(FeedbackBatch batch) {
        learners.forEach(ranker -> ranker.learn(batch));
        artwork.learn(batch);
        if (rowOrder != null) {
            rowOrder.learn(batch);
        }
    }

    @Override
    public void retrain(double day) {
        learners.forEach(ranker -> ranker.retrain(day));
    }

    @Override
    public void visited(VisitFeedback visit, boolean churned, boolean last) {
        for (Ranker ranker : learners) {
            ranker.visited(visit, churned, last);
        }
    }

    @Override
    public void close() {
        learners.forEach(Ranker::close);
        artwork.close();
        if (rowOrder != null) {
            rowOrder.close();
        }
    }
}

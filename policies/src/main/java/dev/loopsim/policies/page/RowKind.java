package dev.loopsim.policies.page;

import java.util.Arrays;
import java.util.BitSet;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.world.MemberHistory;
import dev.loopsim.core.world.Catalog;

/**
 * What a row may hold. Each kind picks its candidates from the released titles; the row's
 * ranker orders them ({@code continue-watching} keeps its own order: most recent first).
 */
public sealed interface RowKind {

    /** The row's label on the page, e.g. {@code genre:3}. */
    String label();

    /** Candidate title ids, ascending, not yet on the page. */
    int[] candidates(DecisionContext context, BitSet placed);

    /** Whether the candidates come already ordered, so the row's ranker is not used. */
    default boolean ordersItself() {
        return false;
    }

    /** Parses {@code top-picks}, {@code trending}, {@code new-releases}, {@code continue-watching},
     *  {@code because-you-watched} or {@code genre:<g>}. */
    static RowKind parse(String text, int genres, double newReleaseDays) {
        if (text.startsWith("genre:")) {
            String number = text.substring("genre:".length());
            if (!number.matches("\\d+") || Integer.parseInt(number) >= genres) {
                throw new dev.loopsim.core.ParameterException("kind", "genre rows are genre:0 to genre:" + (genres - 1)
                        + ", found '" + text + "'");
            }
            return new Genre(Integer.parseInt(number));
        }
        return switch (text) {
            case "top-picks" -> new AllTitles("top-picks");
            case "trending" -> new AllTitles("trending");
            case "new-releases" -> new NewReleases(newReleaseDays);
            case "continue-watching" -> new ContinueWatching();
            case "because-you-watched" -> new BecauseYouWatched();
            default -> throw new dev.loopsim.core.ParameterException("kind", "row kind must be one of top-picks, trending, "
                    + "new-releases, continue-watching, because-you-watched, genre:<g>; found '" + text + "'");
        };
    }

    private static int[] notPlaced(int[] ids, BitSet placed) {
        return placed.isEmpty() ? ids : keep(ids, id -> !placed.get(id));
    }

    /** The ids that pass, in order: a loop, not a stream, since pages ask on every visit. */
    private static int[] keep(int[] ids, java.util.function.IntPredicate passes) {
        int[] kept = new int[ids.length];
        int n = 0;
        for (int id : ids) {
            if (passes.test(id)) {
                kept[n++] = id;
            }
        }
        return n == ids.length ? kept : Arrays.copyOf(kept, n);
    }

    /** Every released title, ordered by the row's ranker. */
    record AllTitles(String label) implements RowKind {
        @Override
        public int[] candidates(DecisionContext context, BitSet placed) {
            return notPlaced(context.available(), placed);
        }
    }

    /** Titles released in the last {@code windowDays}. */
    record NewReleases(double windowDays) implements RowKind {
        @Override
        public String label() {
            return "new-releases";
        }

        @Override
        public int[] candidates(DecisionContext context, BitSet placed) {
            double since = Math.max(context.day() - windowDays, 0);
            Catalog catalog = context.catalog();
            return keep(context.available(), id -> !placed.get(id) && catalog.releaseDay(id) > since);
        }
    }

    /** Titles whose dominant genre is {@code genre}. */
    record Genre(int genre) implements RowKind {
        @Override
        public String label() {
            return "genre:" + genre;
        }

        @Override
        public int[] candidates(DecisionContext context, BitSet placed) {
            Catalog catalog = context.catalog();
            return keep(context.available(), id -> !placed.get(id) && catalog.dominantGenre(id) == genre);
        }
    }

    /** The member's recent series plays not yet completed, most recent first. */
    record ContinueWatching() implements RowKind {
        @Override
        public String label() {
            return "continue-watching";
        }

        @Override
        public boolean ordersItself() {
            return true;
        }

        @Override
        public int[] candidates(DecisionContext context, BitSet placed) {
            MemberHistory member = context.member();
            BitSet seen = new BitSet();
            int[] ordered = new int[member.recentPlayCount()];
            int n = 0;
            for (int k = 0; k < member.recentPlayCount(); k++) {
                int title = member.recentPlayTitle(k);
                if (!seen.get(title) && !placed.get(title) && !member.recentPlayCompleted(k)
                        && context.catalog().title(title).series()) {
                    ordered[n++] = title;
                }
                seen.set(title);
            }
            return Arrays.copyOf(ordered, n);
        }
    }

    /** Titles sharing the dominant genre of the member's latest play, other than that title. */
    record BecauseYouWatched() implements RowKind {
        @Override
        public String label() {
            return "because-you-watched";
        }

        @Override
        public int[] candidates(DecisionContext context, BitSet placed) {
            MemberHistory member = context.member();
            if (member.recentPlayCount() == 0) {
                return new int[0];
            }
            Catalog catalog = context.catalog();
            int last = member.recentPlayTitle(0);
            int genre = catalog.dominantGenre(last);
            return keep(context.available(), id -> id != last && !placed.get(id) && catalog.dominantGenre(id) == genre);
        }
    }
}

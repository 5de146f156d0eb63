package dev.loopsim.policies.remote;

import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.FeedbackBatch;
import dev.loopsim.core.policy.Observation;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.policy.VisitFeedback;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberHistory;
import dev.loopsim.core.world.Page;
import dev.loopsim.core.world.Title;
import java.util.List;
import java.util.Map;

/**
 * The policy-service protocol, version {@value #VERSION}: JSON objects, one per line, each
 * answered by one line in order. The README's "Bring your own policy" is its reference; this class
 * writes loopsim's side of it. Numbers are written so that they read back exactly (shortest
 * round-trip form), so a service sees the same values on every run.
 */
final class Protocol {
    static final int VERSION = 1;

    private Protocol() { }

    /** {@code hello}: who is asking, the catalog's observable side, and the scenario's parameters for the service. */
    static String hello(String role, Catalog catalog, Map<String, Object> parameters) {
        StringBuilder out = new StringBuilder(64 * catalog.size() + 256).append("{\"type\":\"hello\",\"protocol\":").append(VERSION)
                .append(",\"role\":\"").append(role).append("\",\"parameters\":");
        appendValue(out, parameters);
        out.append(",\"catalog\":{\"genres\":").append(catalog.genreCount()).append(",\"titles\":[");
        for (Title title : catalog.titles()) {
            if (title.id() > 0) {
                out.append(',');
            }
            out.append("{\"id\":").append(title.id()).append(",\"release_day\":").append(title.releaseDay())
                    .append(",\"popularity_prior\":").append(title.popularityPrior()).append(",\"series\":").append(title.series())
                    .append(",\"artworks\":").append(title.artworks().size()).append(",\"genres\":");
            appendDoubles(out, title.genres());
            out.append(",\"artwork_themes\":[");
            for (int a = 0; a < title.artworks().size(); a++) {
                out.append(a == 0 ? "" : ",");
                appendDoubles(out, title.artwork(a).theme());
            }
            out.append("]}");
        }
        return out.append("]}}").toString();
    }

    /**
     * One decision request, open at the end: the service adds the candidate set's index. {@code seed}
     * is the only randomness the service may use for it.
     */
    static String request(DecisionContext context, int count, long seed) {
        MemberHistory member = context.member();
        StringBuilder out = new StringBuilder(512).append("{\"member\":{\"id\":").append(member.id())
                .append(",\"join_day\":").append(member.joinDay()).append(",\"visits\":").append(member.visits())
                .append(",\"plays\":").append(member.plays()).append(",\"recent_plays\":[");
        for (int k = 0; k < member.recentPlayCount(); k++) {
            if (k > 0) {
                out.append(',');
            }
            out.append('[').append(member.recentPlayTitle(k)).append(',').append(member.recentPlayArtwork(k)).append(',')
                    .append(member.recentPlayDay(k)).append(',').append(member.recentPlayCompleted(k)).append(']');
        }
        out.append("],\"recent_visit_days\":[");
        for (int k = 0; k < member.recentVisitCount(); k++) {
            if (k > 0) {
                out.append(',');
            }
            out.append(member.recentVisitDay(k));
        }
        out.append("],\"last_page\":");
        appendInts(out, member.lastPageTitles());
        double[] features = Observation.of(context);
        out.append(",\"genre_shares\":");
        appendDoubles(out, java.util.Arrays.copyOf(features, context.catalog().genreCount()));
        out.append("},\"features\":");
        appendDoubles(out, features);
        return out.append(",\"day\":").append(context.day()).append(",\"count\":").append(count).append(",\"seed\":").append(seed)
                .toString();
    }

    /** One artwork request, open at the end: the member as in {@link #request}, and the page's titles. */
    static String artworkRequest(DecisionContext context, int[] titles, long seed) {
        StringBuilder out = new StringBuilder(request(context, 0, seed));
        out.setLength(out.lastIndexOf(",\"count\":"));
        out.append(",\"seed\":").append(seed).append(",\"titles\":");
        appendInts(out, titles);
        return out.toString();
    }

    /** One row-order request, open at the end: the member as in {@link #request}, and the plan's row kinds. */
    static String rowOrderRequest(DecisionContext context, List<String> kinds, long seed) {
        StringBuilder out = new StringBuilder(request(context, 0, seed));
        out.setLength(out.lastIndexOf(",\"count\":"));
        out.append(",\"seed\":").append(seed).append(",\"rows\":[");
        for (int k = 0; k < kinds.size(); k++) {
            out.append(k > 0 ? "," : "");
            appendString(out, kinds.get(k));
        }
        return out.append(']').toString();
    }

    /** {@code learn}: the feedback of one update window, in the engine's order. */
    static String learn(FeedbackBatch batch) {
        StringBuilder out = new StringBuilder(128 * (batch.visits().size() + batch.rewards().size()) + 64)
                .append("{\"type\":\"learn\",\"from_day\":").append(batch.fromDay()).append(",\"to_day\":").append(batch.toDay())
                .append(",\"visits\":[");
        boolean first = true;
        for (VisitFeedback visit : batch.visits()) {
            out.append(first ? "" : ",");
            appendVisit(out, visit);
            first = false;
        }
        out.append("],\"rewards\":[");
        first = true;
        for (RewardFeedback reward : batch.rewards()) {
            out.append(first ? "" : ",").append("{\"day\":").append(reward.day()).append(",\"member\":").append(reward.memberId())
                    .append(",\"title\":").append(reward.titleId()).append(",\"artwork\":").append(reward.artwork())
                    .append(",\"play_day\":").append(reward.playDay()).append(",\"value\":").append(reward.value()).append('}');
            first = false;
        }
        return out.append("]}").toString();
    }

    /** {@code outcome}, unanswered: one visit as it ended, for a service that asked for outcomes. */
    static String outcome(VisitFeedback visit, boolean churned, boolean last) {
        StringBuilder out = new StringBuilder(256).append("{\"type\":\"outcome\",\"visit\":");
        appendVisit(out, visit);
        return out.append(",\"churned\":").append(churned).append(",\"last\":").append(last).append('}').toString();
    }

    static String retrain(double day) {
        return "{\"type\":\"retrain\",\"day\":" + day + "}";
    }

    private static void appendVisit(StringBuilder out, VisitFeedback visit) {
        out.append("{\"day\":").append(visit.day()).append(",\"member\":").append(visit.memberId()).append(",\"titles\":");
        Page page = visit.page();
        appendInts(out, page.titles());
        out.append(",\"artworks\":");
        appendInts(out, page.artworks());
        // The rows shown, in page order, so that a row order knows which row a play came from (slot / columns).
        out.append(",\"columns\":").append(page.columns()).append(",\"row_kinds\":[");
        for (int row = 0; row < page.rowKinds().size(); row++) {
            out.append(row > 0 ? "," : "");
            appendString(out, page.rowKinds().get(row));
        }
        out.append(']');
        out.append(",\"played_slot\":").append(visit.playedSlot()).append(",\"searched_title\":").append(visit.searchedTitle())
                .append(",\"watch_fraction\":").append(visit.watchFraction()).append('}');
    }

    static void appendInts(StringBuilder out, int[] values) {
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values[i]);
        }
        out.append(']');
    }

    static void appendDoubles(StringBuilder out, double[] values) {
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values[i]);
        }
        out.append(']');
    }

    /** A YAML value (maps, lists, strings, numbers, booleans, null) as JSON. */
    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                appendString(out, String.valueOf(entry.getKey()));
                out.append(':');
                appendValue(out, entry.getValue());
                first = false;
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                out.append(first ? "" : ",");
                appendValue(out, element);
                first = false;
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            appendString(out, value.toString());
        }
    }

    static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A reply quoted in an error message, cut as every loopsim message cuts what it quotes. */
    static String shorten(String line) {
        return "'" + dev.loopsim.core.Problems.quoted(line) + "'";
    }
}

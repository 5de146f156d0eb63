package dev.loopsim.core.policy;

import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * A visit's observation as numbers: what a service observes of the member, never their tastes or
 * satisfaction. One definition for everything that hands observations to learners outside loopsim:
 * the policy-service requests (and so the Python environment) and the offline-RL transitions log.
 */
public final class Observation {
    private Observation() { }

    /** How many numbers an observation has in a catalog of {@code genres} genres. */
    public static int size(int genres) {
        return genres + 5;
    }

    /** The names of an observation's numbers, in order. */
    public static List<String> names(int genres) {
        List<String> names = new ArrayList<>();
        for (int g = 0; g < genres; g++) {
            names.add("genre_share_" + g);
        }
        names.addAll(List.of("recency", "log_visits", "log_plays", "tenure_years", "completed_share"));
        return names;
    }

    /**
     * The genre shares of the member's recent plays (their mean genre mixture; zeros before any),
     * days since their previous visit over 30 (capped at 1; 1 for a first visit), log(1 + visits) / 5,
     * log(1 + plays) / 5, tenure in years, and the share of their recent plays that completed.
     */
    public static double[] of(DecisionContext context) {
        MemberHistory member = context.member();
        Catalog catalog = context.catalog();
        int genres = catalog.genreCount();
        double[] values = new double[size(genres)];
        int plays = member.recentPlayCount();
        int completed = 0;
        for (int k = 0; k < plays; k++) {
            var title = catalog.title(member.recentPlayTitle(k));
            for (int g = 0; g < genres; g++) {
                values[g] += title.genre(g) / plays;
            }
            completed += member.recentPlayCompleted(k) ? 1 : 0;
        }
        double day = context.day();
        values[genres] = member.recentVisitCount() == 0 ? 1 : Math.min(1, (day - member.recentVisitDay(0)) / 30);
        values[genres + 1] = Math.log1p((double) member.visits()) / 5;
        values[genres + 2] = Math.log1p((double) member.plays()) / 5;
        values[genres + 3] = (day - member.joinDay()) / 365;
        values[genres + 4] = plays == 0 ? 0 : (double) completed / plays;
        return values;
    }
}

package dev.loopsim.results.logs;

import dev.loopsim.core.engine.RunObserver;
import dev.loopsim.core.engine.ShardObserver;
import dev.loopsim.core.model.SearchResponse;
import dev.loopsim.core.model.VisitResponse;
import dev.loopsim.core.policy.DecisionContext;
import dev.loopsim.core.policy.RewardFeedback;
import dev.loopsim.core.world.MemberHistory;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * Streams one run's events to its part files, one per shard and kind, as the shards produce them:
 * each shard writes in its own deterministic order, so the parts do not depend on the threads.
 */
final class RunLogWriter implements RunObserver {
    private final EventLogs logs;
    private final String prefix;
    private final Function<DecisionContext, String> contextKey;
    private final Function<String, String> policyOfRow;

    RunLogWriter(EventLogs logs, int replicate, String cell,
                 Function<DecisionContext, String> contextKey, Function<String, String> policyOfRow) {
        this.logs = logs;
        this.prefix = replicate + "," + cell + ",";
        this.contextKey = contextKey;
        this.policyOfRow = policyOfRow;
    }

    @Override
    public ShardObserver shard(int index) {
        Writer impressions = logs.part(LogKind.IMPRESSIONS);
        Writer plays = logs.part(LogKind.PLAYS);
        Writer visits = logs.part(LogKind.VISITS);
        Writer rewards = logs.part(LogKind.REWARDS);
        Writer observations = logs.part(LogKind.OBSERVATIONS);
        return new ShardObserver() {
            private final StringBuilder line = new StringBuilder(256);

            @Override
            public void decision(DecisionContext context, Page page, VisitResponse response) {
                if (observations != null) {
                    observe(context, page, response);
                }
                if (impressions == null) {
                    return;
                }
                MemberHistory member = context.member();
                long visit = member.visits() + 1; // the visit is counted once it is over
                boolean[] examined = response.examined();
                String memberContext = contextKey.apply(context);
                for (int slot = 0; slot < page.slots(); slot++) {
                    int title = page.titleAt(slot);
                    if (title < 0) {
                        continue;
                    }
                    boolean played = slot == response.playedSlot();
                    String kind = page.rowKindAt(slot);
                    start(context.day(), member.id()).append(visit).append(',').append(slot / page.columns()).append(',')
                            .append(kind).append(',').append(slot % page.columns()).append(',').append(slot).append(',')
                            .append(title).append(',').append(page.artworkAt(slot)).append(',')
                            .append(policyOfRow.apply(kind)).append(',').append(number(page.propensityAt(slot))).append(',')
                            .append(page.poolAt(slot)).append(',').append(memberContext).append(',')
                            .append(examined[slot]).append(',').append(played).append(',')
                            .append(played ? response.watchFraction() : 0).append(',').append(played && response.completes());
                    write(impressions);
                }
            }

            private void observe(DecisionContext context, Page page, VisitResponse response) {
                start(context.day(), context.memberId()).append(context.member().visits() + 1).append(',');
                double[] observation = dev.loopsim.core.policy.Observation.of(context);
                for (int i = 0; i < observation.length; i++) {
                    line.append(i == 0 ? "" : " ").append(observation[i]);
                }
                line.append(',');
                for (int slot = 0; slot < page.slots(); slot++) {
                    line.append(slot == 0 ? "" : " ").append(page.titleAt(slot));
                }
                line.append(',').append(response.playedSlot()).append(',').append(response.played() ? response.watchFraction() : 0);
                write(observations);
            }

            @Override
            public void visit(MemberState member, double day, Page page, VisitResponse response, double oracle) {
                if (plays != null && response.played()) {
                    int slot = response.playedSlot();
                    start(day, member.id()).append(member.visits()).append(",page,").append(slot).append(',')
                            .append(page.titleAt(slot)).append(',').append(page.artworkAt(slot)).append(',')
                            .append(response.watchFraction()).append(',').append(response.completes());
                    write(plays);
                }
                if (visits != null) {
                    start(day, member.id()).append(member.visits()).append(",page,").append(page.filledSlots()).append(',')
                            .append(response.played()).append(',').append(response.satisfaction()).append(',');
                    genre(member);
                    write(visits);
                }
            }

            @Override
            public void search(MemberState member, double day, SearchResponse response) {
                if (plays != null && response.played()) {
                    start(day, member.id()).append(member.visits()).append(",search,-1,").append(response.title())
                            .append(",0,").append(response.watchFraction()).append(',').append(response.completes());
                    write(plays);
                }
                if (visits != null) {
                    start(day, member.id()).append(member.visits()).append(",search,0,").append(response.played()).append(',')
                            .append(response.satisfaction()).append(',');
                    genre(member);
                    write(visits);
                }
            }

            @Override
            public void reward(MemberState member, RewardFeedback reward) {
                if (rewards != null) {
                    start(reward.day(), member.id()).append(reward.titleId()).append(',').append(reward.artwork()).append(',')
                            .append(reward.playDay()).append(',').append(reward.value());
                    write(rewards);
                }
            }

            /** The genre of the visit just recorded (empty, read back as NULL, without a play). */
            private void genre(MemberState member) {
                int genre = member.recentGenre(0);
                if (genre != MemberState.NO_GENRE) {
                    line.append(genre);
                }
            }

            private StringBuilder start(double day, int member) {
                line.setLength(0);
                return line.append(prefix).append(day).append(',').append(member).append(',');
            }

            private void write(Writer out) {
                line.append('\n');
                try {
                    out.append(line);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write an event log: " + e.getMessage(), e);
                }
            }
        };
    }

    /** NaN (an unknown propensity) as an empty field, which reads back as NULL. */
    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    @Override
    public void finish(double horizonDays, List<MemberState> members) {
        logs.closeParts();
    }
}

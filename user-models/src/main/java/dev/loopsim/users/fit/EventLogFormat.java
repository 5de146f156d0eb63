package dev.loopsim.users.fit;

import dev.loopsim.core.Validate;
import java.util.List;

/**
 * How to read an event log and turn it into visits.
 *
 * @param memberColumn    the member id column, or null to find one of {@link #MEMBER_NAMES}
 * @param timeColumn      the timestamp column, or null to find one of {@link #TIME_NAMES}
 * @param rewardColumn    the reward column, or null to use one of {@link #REWARD_NAMES} if present
 * @param timeUnit        how numeric timestamps count: seconds or milliseconds since 1970, or days since a Monday
 * @param sessionGapDays  a silence longer than this starts a new visit (0: only identical timestamps share a visit)
 * @param rewardScale     a visit's satisfaction is rewardScale × the mean reward of its events (1 without rewards)
 * @param rewards         read rewards at all; if false every visit has satisfaction 1
 * @param genreColumn     the column naming the genre of what an event played (empty: nothing), or null
 *                        to read no genres; a visit's genre is its first event's that has one
 */
public record EventLogFormat(String memberColumn, String timeColumn, String rewardColumn, TimeUnit timeUnit,
                             double sessionGapDays, double rewardScale, boolean rewards, String genreColumn) {
    public static final List<String> MEMBER_NAMES = List.of("member", "member_id", "memberId", "user", "user_id", "userId");
    public static final List<String> TIME_NAMES = List.of("timestamp", "time", "ts", "day");
    public static final List<String> REWARD_NAMES = List.of("reward", "rating");
    public static final EventLogFormat DEFAULTS = new EventLogFormat(null, null, null, TimeUnit.SECONDS, 30.0 / 1440, 1, true, null);

    /** Numeric timestamps: epoch seconds, epoch milliseconds, or days since day 0 (taken to be a Monday 00:00). */
    public enum TimeUnit {
        SECONDS(1), MILLISECONDS(0.001), DAYS(86_400);

        final double seconds;

        TimeUnit(double seconds) {
            this.seconds = seconds;
        }
    }

    public EventLogFormat(String memberColumn, String timeColumn, String rewardColumn, TimeUnit timeUnit, double sessionGapDays,
                          double rewardScale, boolean rewards) {
        this(memberColumn, timeColumn, rewardColumn, timeUnit, sessionGapDays, rewardScale, rewards, null);
    }

    public EventLogFormat withGenreColumn(String column) {
        return new EventLogFormat(memberColumn, timeColumn, rewardColumn, timeUnit, sessionGapDays, rewardScale, rewards, column);
    }

    public EventLogFormat {
        Validate.nonNegative("sessionGapDays", sessionGapDays);
        Validate.finite("rewardScale", rewardScale);
    }
}

package io.inviteflow.streaming.totals;

/**
 * Fixed histogram buckets of a duration (time to open, time to answer): exact counts per bucket, from which readers
 * take quantiles (a quantile lies in the first bucket whose running total reaches it). Fixed bounds, unlike a sketch,
 * keep every counter exact and idempotent.
 */
public final class TimeBuckets {

    /** Upper bounds in seconds: 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h, 1 d, 2 d, 3 d, 7 d, 14 d, 30 d. */
    static final long[] UPPER_BOUNDS_S = {60, 300, 900, 3_600, 10_800, 21_600, 43_200, 86_400, 172_800, 259_200,
            604_800, 1_209_600, 2_592_000};
    /** The dimension of everything longer than the last bound. */
    public static final String LONGER = "inf";

    private TimeBuckets() {
    }

    /** The bucket (its upper bound in seconds, as text) of a duration; negative durations count as 0. */
    public static String of(long durationMs) {
        long seconds = Math.max(0, durationMs) / 1000;
        for (long bound : UPPER_BOUNDS_S) {
            if (seconds < bound) {
                return Long.toString(bound);
            }
        }
        return LONGER;
    }

    /** The start of the minute, epoch seconds, as text (ten digits until the year 2286, so text order is time order). */
    public static String minute(long epochMs) {
        return Long.toString(Math.floorDiv(epochMs, 60_000L) * 60);
    }

    /** {@code channel|ISO weekday (1 = Monday)|hour}, in UTC. */
    public static String hourOfWeek(String channel, long epochMs) {
        long day = Math.floorDiv(epochMs, 86_400_000L);
        int weekday = (int) Math.floorMod(day + 3, 7) + 1; // 1970-01-01 was a Thursday (ISO 4)
        int hour = (int) Math.floorMod(Math.floorDiv(epochMs, 3_600_000L), 24);
        return channel + '|' + weekday + '|' + hour;
    }
}

package io.inviteflow.streaming.records;

/**
 * One row of {@code event_engagement}: the current figures of one party event. Field names map to the snake_case
 * columns.
 *
 * @param version   number of changes applied to this event so far: grows with every new row, and is the same
 *                  whatever run (replay or restart) produces that row, so ReplacingMergeTree keeps the newest
 * @param updatedAt event time (epoch seconds) of the newest activity that changed the figures; event time rather
 *                  than wall-clock time so that a replay rewrites identical rows
 */
public record EventEngagementRow(String eventId, long invited, long opened, long yes, long no, long maybe,
                                 long headcount, long version, long updatedAt) {

    public static EventEngagementRow empty(String eventId) {
        return new EventEngagementRow(eventId, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}

package io.inviteflow.streaming.records;

/**
 * One row of {@code engagement_minute}.
 *
 * @param minute  start of the minute, epoch seconds
 * @param version {@code opens + answers}: a late firing of the same window only ever adds activities, so the most
 *                complete row has the highest version, in any run
 */
public record EngagementMinuteRow(String eventId, long minute, long opens, long answers, long version) {
}

package io.inviteflow.console.engagement;

/**
 * One counter of the streaming job's {@code engagement_totals}: {@code metric} broken down by {@code dimension}
 * ({@code ""} for none). The metrics' definitions are in streaming-jobs/README.md.
 */
public record Counter(String metric, String dimension, long value) {
}

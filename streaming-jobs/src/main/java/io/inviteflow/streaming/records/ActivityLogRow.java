package io.inviteflow.streaming.records;

/**
 * One row of {@code activity_log}, the raw archive.
 *
 * @param occurredAt epoch seconds (DateTime)
 * @param occurredMs the milliseconds within that second (ClickHouse 18.16 has no DateTime64)
 * @param payload    the payload JSON exactly as received
 */
public record ActivityLogRow(String eventId, String type, String aggregateType, String aggregateId,
                             String partyEventId, long occurredAt, int occurredMs, String payload) {
}

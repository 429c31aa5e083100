package io.inviteflow.streaming.records;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inviteflow.streaming.clickhouse.ClickHouseRow;

import java.io.IOException;

/**
 * One row of {@code activity_log}, the raw archive.
 *
 * @param occurredAt epoch seconds (DateTime)
 * @param occurredMs the milliseconds within that second (ClickHouse 18.16 has no DateTime64)
 * @param payload    the payload JSON exactly as received
 */
public record ActivityLogRow(String eventId, String type, String aggregateType, String aggregateId,
                             String partyEventId, long occurredAt, int occurredMs, String payload)
        implements ClickHouseRow {

    @Override
    public void writeJson(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("event_id", eventId);
        out.writeStringField("type", type);
        out.writeStringField("aggregate_type", aggregateType);
        out.writeStringField("aggregate_id", aggregateId);
        out.writeStringField("party_event_id", partyEventId);
        out.writeNumberField("occurred_at", occurredAt);
        out.writeNumberField("occurred_ms", occurredMs);
        out.writeStringField("payload", payload);
        out.writeEndObject();
    }
}

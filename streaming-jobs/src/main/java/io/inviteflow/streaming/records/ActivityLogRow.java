package io.inviteflow.streaming.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.streaming.clickhouse.ClickHouseRow;

import java.io.IOException;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One row of {@code activity_log}, the raw archive.
 *
 * @param occurredAt epoch seconds (DateTime)
 * @param occurredMs the milliseconds within that second (ClickHouse 18.16 has no DateTime64)
 * @param payload    the payload JSON exactly as received, UTF-8
 */
public record ActivityLogRow(String eventId, String type, String aggregateType, String aggregateId,
                             String partyEventId, long occurredAt, int occurredMs, byte[] payload)
        implements ClickHouseRow {

    /** As lenient as the decoder that let the activity in: a field added by a newer producer changes nothing. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActivityLogRow.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** For a person's erasure: every other activity of their invitations of this party event. */
    @Override
    public String deletes() {
        if (!ActivityType.PERSON_ERASED.name().equals(type)) {
            return null;
        }
        Payloads.PersonErased erased;
        try {
            erased = JSON.readValue(payload, Payloads.PersonErased.class);
        } catch (IOException e) {
            // the decoder read this payload already (ActivityDecoder): only a broken archive row gets here, and it
            // must not stop the archive; it is archived like any row, and said loudly: an erasure was not applied
            LOG.error("erasure {} not applied to the archive: its payload does not read ({})", eventId, e.getMessage());
            return null;
        }
        if (erased.invitationIds() == null || erased.invitationIds().stream().anyMatch(java.util.Objects::isNull)
                || erased.invitationIds().isEmpty()) {
            return null;
        }
        // UUIDs printed by UUID itself: nothing from the payload reaches the statement as written
        String invitations = erased.invitationIds().stream().map(id -> "'" + id + "'")
                .collect(Collectors.joining(", "));
        return "party_event_id = '" + UUID.fromString(partyEventId) + "' AND aggregate_id IN (" + invitations + ")"
                + " AND type != '" + ActivityType.PERSON_ERASED.name() + "'";
    }

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
        out.writeFieldName("payload");
        // escaped straight from the received bytes: no text decoded, no characters encoded again
        out.writeUTF8String(payload, 0, payload.length);
        out.writeEndObject();
    }
}

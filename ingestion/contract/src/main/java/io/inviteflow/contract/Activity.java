package io.inviteflow.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of every message on {@link Topics#ACTIVITY}.
 *
 * @param eventId       unique per activity; consumers deduplicate on it (delivery is at least once)
 * @param type          what happened
 * @param schemaVersion version of the payload's schema for this type (starts at 1)
 * @param aggregateType the kind of thing that changed, e.g. {@code invitation}
 * @param aggregateId   the id of that thing
 * @param partyEventId  the party event (birthday, conference…) the activity belongs to; also the Kafka key
 * @param occurredAt    when it happened, as recorded by the producer (event time)
 * @param payload       type-specific facts, see {@link Payloads}
 */
public record Activity(
        UUID eventId,
        ActivityType type,
        int schemaVersion,
        String aggregateType,
        UUID aggregateId,
        UUID partyEventId,
        Instant occurredAt,
        JsonNode payload) {

    public Activity {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(partyEventId, "partyEventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** The Kafka record key: all activity of one party event goes to one partition. */
    public String key() {
        return partyEventId.toString();
    }
}

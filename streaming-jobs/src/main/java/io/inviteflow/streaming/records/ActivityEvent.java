package io.inviteflow.streaming.records;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;

/**
 * One decoded activity as it flows through the job: the contract's {@link io.inviteflow.contract.Activity} flattened
 * to Strings and primitives so Flink serializes it as a POJO (the contract's {@code UUID}/{@code JsonNode} fields would
 * fall back to Kryo).
 *
 * @param eventId       unique id of the activity (dedup key)
 * @param type          what happened
 * @param aggregateType e.g. {@code invitation}
 * @param aggregateId   the invitation id
 * @param partyEventId  the party event (also the Kafka key)
 * @param occurredAtMs  event time, epoch milliseconds
 * @param payloadJson   the raw payload, archived as is in {@code activity_log}
 * @param response      for {@code RSVP_ANSWERED}: the answer; {@code null} for other types
 * @param plusOnes      for {@code RSVP_ANSWERED}: extra guests; 0 otherwise
 * @param answerVersion for {@code RSVP_ANSWERED}: higher = later answer; 0 otherwise
 * @param details       the other payload facts the metrics use ({@link ActivityDetails#NONE} when none)
 */
public record ActivityEvent(
        String eventId,
        ActivityType type,
        String aggregateType,
        String aggregateId,
        String partyEventId,
        long occurredAtMs,
        String payloadJson,
        Payloads.Rsvp response,
        int plusOnes,
        long answerVersion,
        ActivityDetails details) {

    /** An activity whose payload carries nothing beyond the answer fields. */
    public ActivityEvent(String eventId, ActivityType type, String aggregateType, String aggregateId,
                         String partyEventId, long occurredAtMs, String payloadJson, Payloads.Rsvp response,
                         int plusOnes, long answerVersion) {
        this(eventId, type, aggregateType, aggregateId, partyEventId, occurredAtMs, payloadJson, response, plusOnes,
                answerVersion, ActivityDetails.NONE);
    }

    /** The same activity with other details. */
    public ActivityEvent withDetails(ActivityDetails newDetails) {
        return new ActivityEvent(eventId, type, aggregateType, aggregateId, partyEventId, occurredAtMs, payloadJson,
                response, plusOnes, answerVersion, newDetails);
    }
}

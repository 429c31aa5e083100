package io.inviteflow.streaming.records;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;

import java.util.Arrays;
import java.util.Objects;

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
 * @param payload       the payload's JSON as it came, UTF-8, archived as is in {@code activity_log} ({@code null} once
 *                      dropped before the counters)
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
        byte[] payload,
        Payloads.Rsvp response,
        int plusOnes,
        long answerVersion,
        ActivityDetails details) {

    /** An activity whose payload carries nothing beyond the answer fields. */
    public ActivityEvent(String eventId, ActivityType type, String aggregateType, String aggregateId,
                         String partyEventId, long occurredAtMs, byte[] payload, Payloads.Rsvp response,
                         int plusOnes, long answerVersion) {
        this(eventId, type, aggregateType, aggregateId, partyEventId, occurredAtMs, payload, response, plusOnes,
                answerVersion, ActivityDetails.NONE);
    }

    /** The same activity with other details. */
    public ActivityEvent withDetails(ActivityDetails newDetails) {
        return new ActivityEvent(eventId, type, aggregateType, aggregateId, partyEventId, occurredAtMs, payload,
                response, plusOnes, answerVersion, newDetails);
    }

    /** Equal activities have equal payload bytes (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ActivityEvent a && occurredAtMs == a.occurredAtMs && plusOnes == a.plusOnes
                && answerVersion == a.answerVersion && type == a.type && response == a.response
                && Objects.equals(eventId, a.eventId) && Objects.equals(aggregateType, a.aggregateType)
                && Objects.equals(aggregateId, a.aggregateId) && Objects.equals(partyEventId, a.partyEventId)
                && Arrays.equals(payload, a.payload) && Objects.equals(details, a.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, type, aggregateId, partyEventId, occurredAtMs, Arrays.hashCode(payload));
    }
}

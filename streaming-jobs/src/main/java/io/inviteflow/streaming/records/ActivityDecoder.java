package io.inviteflow.streaming.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;

import java.io.IOException;
import java.util.Arrays;

/**
 * Turns the bytes of one Kafka record into an {@link ActivityEvent} using the contract's {@link ActivityCodec}.
 * Not serializable on purpose: each deserializer instance builds its own in {@code open()}.
 */
public final class ActivityDecoder {

    private final ActivityCodec codec = new ActivityCodec();
    private final ObjectMapper tree = new ObjectMapper();

    /**
     * @throws UndecodableActivityException with reason {@code UNKNOWN_TYPE} for an envelope whose type this job does
     *                                      not know, {@code MALFORMED} for anything else that does not decode
     */
    public ActivityEvent decode(byte[] json) throws UndecodableActivityException {
        Activity activity;
        try {
            activity = codec.fromJson(json);
        } catch (ActivityCodec.MalformedActivityException e) {
            throw new UndecodableActivityException(hasUnknownType(json)
                    ? UndecodableActivityException.Reason.UNKNOWN_TYPE
                    : UndecodableActivityException.Reason.MALFORMED, e.getMessage(), e);
        }
        try {
            return flatten(activity);
        } catch (ActivityCodec.MalformedActivityException | IllegalArgumentException e) {
            throw new UndecodableActivityException(UndecodableActivityException.Reason.MALFORMED, e.getMessage(), e);
        }
    }

    private ActivityEvent flatten(Activity a) {
        Payloads.Rsvp response = null;
        int plusOnes = 0;
        long answerVersion = 0;
        if (a.type() == ActivityType.RSVP_ANSWERED) {
            Payloads.RsvpAnswered answer = codec.payloadAs(a, Payloads.RsvpAnswered.class);
            if (answer.response() == null || answer.plusOnes() < 0) {
                throw new IllegalArgumentException("answer " + a.eventId() + " has no response or negative plusOnes");
            }
            response = answer.response();
            plusOnes = answer.plusOnes();
            answerVersion = answer.answerVersion();
        }
        return new ActivityEvent(a.eventId().toString(), a.type(), a.aggregateType(), a.aggregateId().toString(),
                a.partyEventId().toString(), a.occurredAt().toEpochMilli(), a.payload().toString(),
                response, plusOnes, answerVersion);
    }

    /** The codec reports an unknown enum constant like any other error; look at the envelope to tell them apart. */
    private boolean hasUnknownType(byte[] json) {
        try {
            JsonNode type = tree.readTree(json).path("type");
            return type.isTextual() && Arrays.stream(ActivityType.values()).noneMatch(t -> t.name().equals(type.asText()));
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }
}

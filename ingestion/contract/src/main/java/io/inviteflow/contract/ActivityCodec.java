package io.inviteflow.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON (de)serialization of {@link Activity}. Thread-safe; one instance can be shared.
 * Unknown fields are ignored so that producers can add fields without breaking consumers.
 */
public final class ActivityCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("utc-instants").addDeserializer(Instant.class,
                    new UtcInstantDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** A reader per payload type: finding a type's deserializer anew for every payload costs more than reading it. */
    private final Map<Class<?>, ObjectReader> payloadReaders = new ConcurrentHashMap<>();

    public byte[] toJson(Activity activity) {
        try {
            return mapper.writeValueAsBytes(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("activity cannot be serialized: " + activity, e);
        }
    }

    /**
     * @throws MalformedActivityException when the bytes are not a valid activity (the caller decides
     *                                    whether to skip, count or dead-letter it)
     */
    public Activity fromJson(byte[] json) {
        try {
            return mapper.readValue(json, Activity.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedActivityException("not a valid activity: " + e.getMessage(), e);
        }
    }

    /** The payload as its typed record, e.g. {@code payloadAs(a, Payloads.RsvpAnswered.class)}. */
    public <T> T payloadAs(Activity activity, Class<T> payloadType) {
        if (activity.payload().isNull()) { // "payload": null — the record refuses a missing one
            throw new MalformedActivityException("payload of " + activity.eventId() + " is null", null);
        }
        try {
            return payloadReaders.computeIfAbsent(payloadType, mapper::readerFor).readValue(activity.payload());
        } catch (IOException e) {
            throw new MalformedActivityException("payload of " + activity.eventId() + " is not a "
                    + payloadType.getSimpleName() + ": " + (e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /**
     * The payload whose JSON is {@code length} bytes of {@code json} from {@code offset}, as its typed record: for a
     * consumer that reads the envelope itself and keeps the payload's bytes as they came.
     */
    public <T> T payloadAs(byte[] json, int offset, int length, Class<T> payloadType) {
        T payload;
        try {
            payload = payloadReaders.computeIfAbsent(payloadType, mapper::readerFor).readValue(json, offset, length);
        } catch (IOException e) {
            throw new MalformedActivityException("payload is not a " + payloadType.getSimpleName() + ": "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (payload == null) { // "payload": null
            throw new MalformedActivityException("payload is null", null);
        }
        return payload;
    }

    /** Builds an activity with its payload converted to JSON. */
    public Activity activity(UUID eventId, ActivityType type, String aggregateType, UUID aggregateId,
                             UUID partyEventId, Instant occurredAt, Object payload) {
        return new Activity(eventId, type, 1, aggregateType, aggregateId, partyEventId, occurredAt,
                mapper.valueToTree(payload));
    }

    /** Thrown for bytes that do not decode to an activity. */
    public static final class MalformedActivityException extends RuntimeException {
        public MalformedActivityException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}

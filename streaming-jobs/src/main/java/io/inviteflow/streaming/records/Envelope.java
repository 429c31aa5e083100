package io.inviteflow.streaming.records;

import io.inviteflow.contract.ActivityType;

import java.util.Arrays;

/**
 * An activity's envelope with its payload still as JSON bytes: {@code payloadLength} bytes of {@code bytes} from
 * {@code payloadOffset}.
 */
record Envelope(String eventId, ActivityType type, String aggregateType, String aggregateId, String partyEventId,
                long occurredAtMs, byte[] bytes, int payloadOffset, int payloadLength) {

    byte[] payload() {
        return payloadOffset == 0 && payloadLength == bytes.length ? bytes
                : Arrays.copyOfRange(bytes, payloadOffset, payloadOffset + payloadLength);
    }
}

package io.inviteflow.streaming.records;

import io.inviteflow.contract.ActivityType;

import java.nio.charset.StandardCharsets;

/**
 * An activity's envelope with its payload still as JSON bytes: {@code payloadLength} bytes of {@code bytes} from
 * {@code payloadOffset}.
 */
record Envelope(String eventId, ActivityType type, String aggregateType, String aggregateId, String partyEventId,
                long occurredAtMs, byte[] bytes, int payloadOffset, int payloadLength) {

    String payloadJson() {
        return new String(bytes, payloadOffset, payloadLength, StandardCharsets.UTF_8);
    }
}

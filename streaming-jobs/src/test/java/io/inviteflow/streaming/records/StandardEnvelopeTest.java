package io.inviteflow.streaming.records;

import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardEnvelopeTest {

    private static final String EVENT = "0b7e4a52-3c1d-4f0e-9a55-2f4f3f1d9e01";
    private static final String INVITATION = "5d0c9f3e-8b7a-4c2d-9e1f-0a1b2c3d4e5f";
    private static final String PARTY = "c3a1f2e4-1111-4abc-8def-123456789abc";

    private final ActivityCodec codec = new ActivityCodec();

    @Test
    void readsWhatTheCodecWritesAndPointsAtThePayloadsBytes() {
        byte[] json = codec.toJson(codec.activity(UUID.fromString(EVENT), ActivityType.INVITATION_OPENED, "invitation",
                UUID.fromString(INVITATION), UUID.fromString(PARTY), Instant.parse("2026-05-01T10:00:00.250Z"),
                new Payloads.InvitationOpened("ios", "email", null, "DE")));

        Envelope e = StandardEnvelope.read(json);

        assertThat(e).isNotNull();
        assertThat(e.eventId()).isEqualTo(EVENT);
        assertThat(e.type()).isEqualTo(ActivityType.INVITATION_OPENED);
        assertThat(e.aggregateId()).isEqualTo(INVITATION);
        assertThat(e.partyEventId()).isEqualTo(PARTY);
        assertThat(e.occurredAtMs()).isEqualTo(Instant.parse("2026-05-01T10:00:00.250Z").toEpochMilli());
        assertThat(new String(e.payload(), StandardCharsets.UTF_8))
                .isEqualTo(codec.fromJson(json).payload().toString());
    }

    @Test
    void keepsACompactPayloadWithNestedObjectsAndEscapesWhole() {
        String payload = "{\"response\":\"YES\",\"note\":\"} \\\" {\",\"choices\":[{\"a\":{}}],\"é\":\"生日\"}";

        Envelope e = StandardEnvelope.read(envelope("RSVP_ANSWERED", EVENT, "2026-01-02T03:04:05Z", payload));

        assertThat(e).isNotNull();
        assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo(payload);
    }

    /** The archive keeps the payload's bytes, and the recommender's queries read only compact JSON. */
    @Test
    void aPayloadWithWhitespaceIsWrittenCompactlyByTheCodec() throws Exception {
        byte[] spaced = envelope("RSVP_ANSWERED", EVENT, "2026-01-02T03:04:05Z",
                "{ \"response\" : \"YES\",\n \"plusOnes\": 0, \"answerVersion\": 1 }");

        assertThat(StandardEnvelope.read(spaced)).isNull();
        assertThat(StandardEnvelope.read(envelope("RSVP_ANSWERED", EVENT, "2026-01-02T03:04:05Z",
                "{\"note\":\"ends in a backslash \\\\\",\"a\":1}"))).as("a string ending in an escaped backslash")
                .isNotNull();
        assertThat(StandardEnvelope.read(envelope("RSVP_ANSWERED", EVENT, "2026-01-02T03:04:05Z",
                "{\"note\":\"x\\\\\", \"a\":1}"))).as("a space after a string ending in a backslash").isNull();
        assertThat(new String(new ActivityDecoder().decode(spaced).payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"response\":\"YES\",\"plusOnes\":0,\"answerVersion\":1}");
    }

    @Test
    void leavesEveryOtherShapeToTheCodec() {
        assertThat(StandardEnvelope.read(envelope("RSVP_ANSWERED", EVENT.toUpperCase(), "2026-01-02T03:04:05Z", "{}")))
                .as("upper-case id").isNull();
        assertThat(StandardEnvelope.read(envelope("RSVP_ANSWERED", EVENT, "2026-01-02T04:04:05+01:00", "{}")))
                .as("an offset").isNull();
        assertThat(StandardEnvelope.read(envelope("TELEPORTED", EVENT, "2026-01-02T03:04:05Z", "{}")))
                .as("unknown type").isNull();
        assertThat(StandardEnvelope.read(envelope("RSVP_ANSWERED", EVENT, "2026-01-02T03:04:05Z", "null")))
                .as("null payload").isNull();
        assertThat(StandardEnvelope.read(bytes("{\"eventId\":\"" + EVENT + "\",\"type\":\"RSVP_ANSWERED\"}")))
                .as("fields missing").isNull();
        assertThat(StandardEnvelope.read(bytes(new String(envelope("RSVP_ANSWERED", EVENT, "2026-01-02T03:04:05Z",
                "{}"), StandardCharsets.UTF_8) + "{}"))).as("trailing bytes").isNull();
        assertThat(StandardEnvelope.read(bytes("{\"eventId\":"))).as("cut off").isNull();
        assertThat(StandardEnvelope.read(bytes("[]"))).as("not an object").isNull();
        assertThat(StandardEnvelope.read(bytes(new String(envelope("RSVP_ANSWERED", EVENT, "2026-01-02T03:04:05Z",
                "{}"), StandardCharsets.UTF_8).replace("\"schemaVersion\":1", "\"schemaVersion\":\"x\""))))
                .as("a schemaVersion that is not a number").isNull();
    }

    /** The archive takes the payload's bytes as they are: they must be UTF-8. */
    @Test
    void aPayloadThatIsNotUtf8IsLeftToTheCodec() {
        byte[] json = withBytesAt("__", (byte) 0xC3, (byte) 0x28); // a lead byte followed by '(': no UTF-8
        assertThat(StandardEnvelope.read(json)).isNull();
        assertThatThrownBy(() -> new ActivityDecoder().decode(json)).isInstanceOf(UndecodableActivityException.class);

        // what the parser lets through when it skips a payload: an overlong '/', an encoded surrogate
        assertThat(StandardEnvelope.read(withBytesAt("__", (byte) 0xC0, (byte) 0xAF))).as("overlong").isNull();
        assertThat(StandardEnvelope.read(withBytesAt("___", (byte) 0xED, (byte) 0xA0, (byte) 0x80)))
                .as("an encoded surrogate").isNull();
        assertThat(StandardEnvelope.read(withBytesAt("____", (byte) 0xF0, (byte) 0x9F, (byte) 0x8E, (byte) 0x82)))
                .as("a real 4-byte character").isNotNull();
    }

    /** An envelope whose payload's note holds {@code bytes} where {@code placeholder} is. */
    private static byte[] withBytesAt(String placeholder, byte... bytes) {
        byte[] json = envelope("RSVP_ANSWERED", EVENT, "2026-01-02T03:04:05Z", "{\"note\":\"caf" + placeholder + "\"}");
        int at = new String(json, StandardCharsets.UTF_8).indexOf(placeholder);
        System.arraycopy(bytes, 0, json, at, bytes.length);
        return json;
    }

    @Test
    void anActivityInAnotherShapeDecodesToTheSameEventThroughTheCodec() throws Exception {
        ActivityDecoder decoder = new ActivityDecoder();
        String payload = "{\"response\":\"YES\",\"plusOnes\":2,\"answerVersion\":3}";

        ActivityEvent standard = decoder.decode(envelope("RSVP_ANSWERED", EVENT, "2026-01-02T03:04:05Z", payload));
        ActivityEvent other = decoder.decode(bytes("""
                {"eventId":"%s","type":"RSVP_ANSWERED","schemaVersion":1,"aggregateType":"invitation",
                 "aggregateId":"%s","partyEventId":"%s","occurredAt":"2026-01-02T04:04:05+01:00","payload":%s}
                """.formatted(EVENT.toUpperCase(), INVITATION.toUpperCase(), PARTY, payload)));

        assertThat(other).isEqualTo(standard);
        assertThat(standard.plusOnes()).isEqualTo(2);
        assertThat(new String(standard.payload(), StandardCharsets.UTF_8)).isEqualTo(payload);
    }

    private static byte[] envelope(String type, String eventId, String occurredAt, String payload) {
        return bytes("""
                {"eventId":"%s","type":"%s","schemaVersion":1,"aggregateType":"invitation","aggregateId":"%s",
                 "partyEventId":"%s","occurredAt":"%s","extra":{"newer":[1,2]},"payload":%s}
                """.formatted(eventId, type, INVITATION, PARTY, occurredAt, payload));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package io.inviteflow.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityCodecTest {

    private final ActivityCodec codec = new ActivityCodec();

    @Test
    void roundTripsAnAnswerWithItsTypedPayload() {
        UUID invitation = UUID.randomUUID();
        UUID party = UUID.randomUUID();
        Activity sent = codec.activity(UUID.randomUUID(), ActivityType.RSVP_ANSWERED, "invitation", invitation,
                party, Instant.parse("2026-11-25T10:15:30.123Z"),
                new Payloads.RsvpAnswered(Payloads.Rsvp.YES, 2, 3));

        Activity received = codec.fromJson(codec.toJson(sent));

        // JSON numbers come back as the smallest node type, so compare the encoded form, not the trees
        assertThat(codec.toJson(received)).isEqualTo(codec.toJson(sent));
        assertThat(received.eventId()).isEqualTo(sent.eventId());
        assertThat(received.occurredAt()).isEqualTo(sent.occurredAt());
        assertThat(received.key()).isEqualTo(party.toString());
        assertThat(codec.payloadAs(received, Payloads.RsvpAnswered.class))
                .isEqualTo(new Payloads.RsvpAnswered(Payloads.Rsvp.YES, 2, 3));
    }

    @Test
    void writesTimesAsIsoStringsSoOtherLanguagesCanReadThem() {
        Activity a = codec.activity(UUID.randomUUID(), ActivityType.INVITATION_OPENED, "invitation",
                UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05Z"),
                new Payloads.InvitationOpened("mobile"));

        String json = new String(codec.toJson(a), StandardCharsets.UTF_8);

        assertThat(json).contains("\"occurredAt\":\"2026-01-02T03:04:05Z\"").contains("\"type\":\"INVITATION_OPENED\"");
    }

    @Test
    void ignoresFieldsAddedByNewerProducers() {
        String json = """
                {"eventId":"%s","type":"INVITATION_OPENED","schemaVersion":1,"aggregateType":"invitation",
                 "aggregateId":"%s","partyEventId":"%s","occurredAt":"2026-01-02T03:04:05Z",
                 "payload":{"client":"mobile","future":true},"traceId":"abc"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        Activity a = codec.fromJson(json.getBytes(StandardCharsets.UTF_8));

        assertThat(codec.payloadAs(a, Payloads.InvitationOpened.class).client()).isEqualTo("mobile");
    }

    @Test
    void rejectsGarbageAndMissingFieldsWithItsOwnException() {
        assertThatThrownBy(() -> codec.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ActivityCodec.MalformedActivityException.class);
        assertThatThrownBy(() -> codec.fromJson("{\"type\":\"RSVP_ANSWERED\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ActivityCodec.MalformedActivityException.class)
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> codec.fromJson("{\"type\":\"TELEPORTED\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ActivityCodec.MalformedActivityException.class);
    }

    @Test
    void aNullPayloadIsMalformedNotANullRecord() {
        Activity nulled = codec.fromJson("""
                {"eventId":"0b0c4c52-5c5e-4d6e-9a8e-2f0a3c1d2e3f","type":"RSVP_ANSWERED","schemaVersion":1,
                 "aggregateType":"invitation","aggregateId":"1b0c4c52-5c5e-4d6e-9a8e-2f0a3c1d2e3f",
                 "partyEventId":"2b0c4c52-5c5e-4d6e-9a8e-2f0a3c1d2e3f","occurredAt":"2026-11-26T10:00:00Z",
                 "payload":null}""".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.payloadAs(nulled, Payloads.RsvpAnswered.class))
                .isInstanceOf(ActivityCodec.MalformedActivityException.class).hasMessageContaining("null");
    }
}

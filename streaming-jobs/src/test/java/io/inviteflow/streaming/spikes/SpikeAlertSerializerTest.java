package io.inviteflow.streaming.spikes;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SpikeAlertSerializerTest {

    private final ActivityCodec codec = new ActivityCodec();
    private final String event = UUID.randomUUID().toString();

    @Test
    void anAlertIsAnActivityOfItsEventWhoseIdDependsOnlyOnEventAndMinute() {
        OpensSpikeAlert alert = new OpensSpikeAlert(event, 1_700_000_040_000L, 30, 1.5);

        Activity a = codec.fromJson(codec.toJson(SpikeAlertSerializer.toActivity(codec, alert)));

        assertThat(a.type()).isEqualTo(ActivityType.OPENS_SPIKE);
        assertThat(a.partyEventId()).hasToString(event);
        assertThat(a.key()).isEqualTo(event);
        assertThat(a.occurredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_100_000L)); // the minute's end
        assertThat(codec.payloadAs(a, Payloads.OpensSpike.class))
                .isEqualTo(new Payloads.OpensSpike(Instant.ofEpochMilli(1_700_000_040_000L), 30, 1.5));
        assertThat(a.eventId()).as("the same alert again is the same activity")
                .isEqualTo(SpikeAlertSerializer.toActivity(codec, new OpensSpikeAlert(event, 1_700_000_040_000L, 31,
                        2.0)).eventId())
                .isNotEqualTo(SpikeAlertSerializer.toActivity(codec, new OpensSpikeAlert(event, 1_700_000_100_000L,
                        30, 1.5)).eventId());
    }
}

package io.inviteflow.streaming.spikes;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert as an {@link ActivityType#OPENS_SPIKE} activity on the activity topic, keyed by its party event. The
 * eventId is derived from event and minute, so an alert sent again after a restart is the same activity to every
 * consumer (they deduplicate on eventId).
 */
public class SpikeAlertSerializer implements KafkaRecordSerializationSchema<OpensSpikeAlert> {

    private static final long serialVersionUID = 1L;
    private final String topic;
    private transient ActivityCodec codec;

    public SpikeAlertSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = new ActivityCodec();
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(OpensSpikeAlert alert, KafkaSinkContext context, Long timestamp) {
        Activity activity = toActivity(codec, alert);
        return new ProducerRecord<>(topic, activity.key().getBytes(StandardCharsets.UTF_8), codec.toJson(activity));
    }

    static Activity toActivity(ActivityCodec codec, OpensSpikeAlert alert) {
        UUID event = UUID.fromString(alert.partyEventId());
        UUID id = UUID.nameUUIDFromBytes(("opens-spike|" + event + '|' + alert.minuteStartMs())
                .getBytes(StandardCharsets.UTF_8));
        Instant minute = Instant.ofEpochMilli(alert.minuteStartMs());
        // occurredAt: the minute's end, when the spike was complete (event time, so a replay writes the same activity)
        return codec.activity(id, ActivityType.OPENS_SPIKE, "party-event", event, event, minute.plusSeconds(60),
                new Payloads.OpensSpike(minute, alert.opens(), alert.usualPerMinute()));
    }
}

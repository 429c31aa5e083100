package io.inviteflow.batch.refund;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hears cancelled events on Kafka and records a refund request for each; {@link RefundLauncher} runs the refund job.
 * The offset is committed after the request is stored, and storing is idempotent: every cancellation is recorded once.
 */
@Component
class CancellationListener {

    static final String REASON = "event_cancelled";

    private final RefundRequests requests;
    private final ActivityCodec codec = new ActivityCodec();

    CancellationListener(RefundRequests requests) {
        this.requests = requests;
    }

    @KafkaListener(id = "event-refunds", topics = "${inviteflow.activity-topic}",
            groupId = "${inviteflow.refunds.consumer-group}", properties = "auto.offset.reset=earliest")
    void onActivity(ConsumerRecord<String, byte[]> record) {
        Activity activity;
        try {
            activity = codec.fromJson(record.value());
        } catch (ActivityCodec.MalformedActivityException e) {
            return; // a type this build does not know: not a cancellation
        }
        if (activity.type() == ActivityType.EVENT_CANCELLED) {
            requests.record(activity.eventId(), activity.partyEventId(), REASON);
        }
    }
}

package io.inviteflow.batch.notice;

import io.inviteflow.batch.confirmation.ConfirmationRequests;
import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hears the core's event changes, waitlist promotions and guests' answers (to confirm) on Kafka and records each as a notice request; the
 * {@link NoticeLauncher} turns them into mail. The offset is committed only after the request is stored, and storing
 * is idempotent, so every change is recorded once however often Kafka delivers it.
 */
@Component
class ActivityNoticeListener {

    private static final Logger log = LoggerFactory.getLogger(ActivityNoticeListener.class);

    private final NoticeRequests requests;
    private final ConfirmationRequests confirmations;
    private final ActivityCodec codec = new ActivityCodec();

    ActivityNoticeListener(NoticeRequests requests, ConfirmationRequests confirmations) {
        this.requests = requests;
        this.confirmations = confirmations;
    }

    @KafkaListener(id = "event-notices", topics = "${inviteflow.activity-topic}",
            groupId = "${inviteflow.notices.consumer-group}")
    void onActivity(ConsumerRecord<String, byte[]> record) {
        Activity activity;
        try {
            activity = codec.fromJson(record.value());
        } catch (ActivityCodec.MalformedActivityException e) {
            // a type this build does not know, or a broken record: not a notice of ours
            log.debug("skipping record at offset {}: {}", record.offset(), e.getMessage());
            return;
        }
        if (activity.type() == ActivityType.RSVP_ANSWERED) {
            // a guest without an email gets no confirmation: no request, no work (older activities lack the flag)
            if (activity.payload().path("mailable").asBoolean(true)) {
                confirmations.record(activity.eventId(), activity.aggregateId(), activity.partyEventId(),
                        activity.payload().path("answerVersion").asLong());
            }
            return;
        }
        NoticeKind.of(activity.type()).ifPresent(kind -> requests.record(activity.eventId(), kind,
                activity.partyEventId(),
                activity.type() == ActivityType.WAITLIST_PROMOTED ? activity.aggregateId() : null,
                activity.payload().toString()));
    }
}

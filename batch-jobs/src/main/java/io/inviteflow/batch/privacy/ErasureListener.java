package io.inviteflow.batch.privacy;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Hears erasures ({@code PERSON_ERASED}) and the retention rule's chunks ({@code GUEST_DATA_EXPIRED}) and makes the
 * delivery ledger forget the erased guests' addresses ({@link ErasedRecipients}). Its own consumer group, from the
 * topic's beginning: an erasure made while this service was down still applies. Forgetting is idempotent, so a
 * redelivery changes nothing.
 */
@Component
class ErasureListener {

    private final ErasedRecipients recipients;
    private final ActivityCodec codec = new ActivityCodec();

    ErasureListener(ErasedRecipients recipients) {
        this.recipients = recipients;
    }

    @KafkaListener(id = "erasures", topics = "${inviteflow.activity-topic}",
            groupId = "${inviteflow.privacy.consumer-group}", properties = "auto.offset.reset=earliest")
    void onActivity(ConsumerRecord<String, byte[]> record) {
        List<UUID> invitations;
        try {
            Activity activity = codec.fromJson(record.value());
            if (activity.type() != ActivityType.PERSON_ERASED && activity.type() != ActivityType.GUEST_DATA_EXPIRED) {
                return;
            }
            invitations = codec.payloadAs(activity, Payloads.PersonErased.class).invitationIds();
        } catch (ActivityCodec.MalformedActivityException e) {
            return; // a type this build does not know, or not an erasure it could act on
        }
        recipients.forget(invitations);
    }
}

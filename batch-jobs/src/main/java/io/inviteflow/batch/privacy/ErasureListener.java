package io.inviteflow.batch.privacy;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Forgets erased people ({@code PERSON_ERASED}): the delivery ledger keeps that their invitations were reminded (so
 * nobody is reminded twice) but no longer the address it went to, nor the mail server's words about it. Its own
 * consumer group, from the topic's beginning: an erasure made while this service was down still applies. Scrubbing
 * is idempotent, so a redelivery changes nothing.
 */
@Component
class ErasureListener {

    static final String ERASED = "erased";

    private final JdbcClient jdbc;
    private final ActivityCodec codec = new ActivityCodec();

    ErasureListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "erasures", topics = "${inviteflow.activity-topic}",
            groupId = "${inviteflow.privacy.consumer-group}", properties = "auto.offset.reset=earliest")
    void onActivity(ConsumerRecord<String, byte[]> record) {
        List<UUID> invitations;
        try {
            Activity activity = codec.fromJson(record.value());
            if (activity.type() != ActivityType.PERSON_ERASED) {
                return;
            }
            invitations = codec.payloadAs(activity, Payloads.PersonErased.class).invitationIds();
        } catch (ActivityCodec.MalformedActivityException e) {
            return; // a type this build does not know, or not an erasure it could act on
        }
        if (invitations != null && !invitations.isEmpty()) {
            jdbc.sql("UPDATE reminder_delivery SET recipient = :erased, last_error = NULL "
                            + "WHERE invitation_id IN (:ids) AND recipient <> :erased")
                    .param("erased", ERASED).param("ids", invitations).update();
        }
    }
}

package io.inviteflow.batch.ticketmail;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hears paid orders on Kafka and records a ticket-mail request for each. Its own group reads the topic from the
 * beginning: a buyer whose order was paid while this service was down still gets the tickets (once: the ledger).
 */
@Component
class PaidOrderListener {

    private final TicketMailRequests requests;
    private final ActivityCodec codec = new ActivityCodec();

    PaidOrderListener(TicketMailRequests requests) {
        this.requests = requests;
    }

    @KafkaListener(id = "ticket-mails", topics = "${inviteflow.activity-topic}",
            groupId = "${inviteflow.ticket-mails.consumer-group}", properties = "auto.offset.reset=earliest")
    void onActivity(ConsumerRecord<String, byte[]> record) {
        Activity activity;
        try {
            activity = codec.fromJson(record.value());
        } catch (ActivityCodec.MalformedActivityException e) {
            return; // a type this build does not know: not a paid order
        }
        if (activity.type() == ActivityType.ORDER_PAID) {
            requests.record(activity.eventId(), activity.aggregateId(), activity.partyEventId());
        }
    }
}

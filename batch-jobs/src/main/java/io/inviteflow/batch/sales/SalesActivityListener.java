package io.inviteflow.batch.sales;

import io.inviteflow.batch.refund.RefundRequests;
import io.inviteflow.batch.ticketmail.TicketMailRequests;
import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hears what ticket sales owe buyers: a paid order (its tickets by mail) and a cancelled event (its refunds), and
 * records a request for each. One consumer group for both, reading the topic from its beginning: what was paid or
 * cancelled while this service was down is still owed. The offset is committed after the request is stored, and
 * storing is idempotent, so each is recorded once however often Kafka delivers it.
 */
@Component
class SalesActivityListener {

    static final String CANCELLED = "event_cancelled";

    private final TicketMailRequests ticketMails;
    private final RefundRequests refunds;
    private final ActivityCodec codec = new ActivityCodec();

    SalesActivityListener(TicketMailRequests ticketMails, RefundRequests refunds) {
        this.ticketMails = ticketMails;
        this.refunds = refunds;
    }

    @KafkaListener(id = "sales", topics = "${inviteflow.activity-topic}",
            groupId = "${inviteflow.sales.consumer-group}", properties = "auto.offset.reset=earliest")
    void onActivity(ConsumerRecord<String, byte[]> record) {
        Activity activity;
        try {
            activity = codec.fromJson(record.value());
        } catch (ActivityCodec.MalformedActivityException e) {
            return; // a type this build does not know: nothing a buyer is owed
        }
        if (activity.type() == ActivityType.ORDER_PAID) {
            ticketMails.record(activity.eventId(), activity.aggregateId(), activity.partyEventId());
        } else if (activity.type() == ActivityType.EVENT_CANCELLED) {
            refunds.record(activity.eventId(), activity.partyEventId(), CANCELLED);
        }
    }
}

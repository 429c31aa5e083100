package io.inviteflow.batch.ticketmail;

import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.reminder.ReminderWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One core call for the chunk's orders, a mail per order still paid (through the delivery ledger: once per order),
 * then the chunk's requests are closed. A mail the server refuses leaves its request open for the next runs (given up
 * after {@value #ATTEMPTS}) while the rest of the chunk goes on.
 */
class TicketMailWriter implements ItemWriter<TicketMailRequests.Request> {

    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(TicketMailWriter.class);

    private final TicketMailsClient core;
    private final ReminderWriter mails;
    private final TicketMailRequests requests;

    TicketMailWriter(TicketMailsClient core, ReminderWriter mails, TicketMailRequests requests) {
        this.core = core;
        this.mails = mails;
        this.requests = requests;
    }

    private static UUID orderOf(Reminder mail) {
        return UUID.fromString(mail.kind().substring(TicketMail.SLUG.length() + 1));
    }

    @Override
    public void write(Chunk<? extends TicketMailRequests.Request> chunk) {
        Map<UUID, TicketMailRequests.Request> byOrder = chunk.getItems().stream()
                .collect(Collectors.toMap(TicketMailRequests.Request::orderId, Function.identity(), (a, b) -> a));
        List<Reminder> toSend = core.mails(List.copyOf(byOrder.keySet())).stream()
                .filter(TicketMailsClient.TicketMail::paid)
                .map(TicketMail::of)
                .toList();
        List<UUID> closed = new ArrayList<>(chunk.getItems().stream().map(TicketMailRequests.Request::activityId)
                .toList());
        List<Reminder> refused = mails.deliver(toSend);
        for (Reminder mail : refused) {
            // its ledger row says failed, so the next run may send it; the rest of the chunk is done
            UUID activityId = byOrder.get(orderOf(mail)).activityId();
            requests.refused(activityId, ATTEMPTS);
            closed.remove(activityId);
        }
        if (!refused.isEmpty()) {
            log.warn("{} ticket mails refused by the mail server: tried again by the next run", refused.size());
        }
        requests.close(closed);
    }
}

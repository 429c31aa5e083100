package io.inviteflow.batch.refund;

import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.reminder.ReminderWriter;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Refunds a chunk of orders with one core call (the core's refund of each order is keyed by the order and the reason,
 * so a repeated chunk refunds nobody twice), then tells each refunded buyer by mail through the delivery ledger. If any
 * order could not be refunded, the chunk fails after the others' mails went out: the step stops, and the restarted
 * job repeats this chunk — refunding only what is left, mailing only who was not yet told. An order refused
 * {@value #ATTEMPTS} times is left to the organizer, so it cannot hold back the orders after it.
 */
class RefundWriter implements ItemWriter<RefundableOrder> {

    /** Refusals of one order after which the job goes on without it. */
    static final int ATTEMPTS = 5;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RefundWriter.class);

    private final RefundsClient refunds;
    private final ReminderWriter mails;
    private final RefundRequests requests;
    private final UUID eventId;
    private final String reason;

    RefundWriter(RefundsClient refunds, ReminderWriter mails, RefundRequests requests, UUID eventId, String reason) {
        this.requests = requests;
        this.refunds = refunds;
        this.mails = mails;
        this.eventId = eventId;
        this.reason = reason;
    }

    @Override
    public void write(Chunk<? extends RefundableOrder> chunk) throws Exception {
        Map<UUID, RefundableOrder> byId = chunk.getItems().stream()
                .collect(Collectors.toMap(RefundableOrder::orderId, Function.identity()));
        List<RefundsClient.Outcome> outcomes = refunds.refund(eventId, List.copyOf(byId.keySet()), reason);
        List<Reminder> told = outcomes.stream().filter(o -> o.refund() != null && o.error() == null)
                .map(o -> RefundMail.of(byId.get(o.orderId()), o.refund().amountMinor(), eventId))
                .toList();
        mails.write(new Chunk<>(told));
        List<String> retry = new java.util.ArrayList<>();
        for (RefundsClient.Outcome failed : outcomes.stream().filter(o -> o.error() != null).toList()) {
            int attempts = requests.refused(failed.orderId(), failed.error());
            if (attempts < ATTEMPTS) {
                retry.add(failed.orderId() + ": " + failed.error());
            } else {
                // a refusal that keeps coming back (a disputed charge…) must not hold back everyone after it
                log.warn("order {} not refunded after {} attempts, left to the organizer: {}", failed.orderId(),
                        attempts, failed.error());
            }
        }
        if (!retry.isEmpty()) {
            throw new RefundsIncompleteException(retry);
        }
    }

    /** Some orders of the chunk are not refunded yet; the job is restarted later. */
    static final class RefundsIncompleteException extends Exception {
        RefundsIncompleteException(List<String> failed) {
            super(failed.size() + " orders not refunded: " + String.join("; ", failed));
        }
    }
}

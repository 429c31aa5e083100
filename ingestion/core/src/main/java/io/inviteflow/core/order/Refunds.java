package io.inviteflow.core.order;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.payment.GatewayException;
import io.inviteflow.core.payment.PaymentGateways;
import io.inviteflow.core.ticket.Ticket;
import io.inviteflow.core.ticket.Tickets;
import io.inviteflow.core.ticketing.Catalogue;
import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Refunds, exactly once each. The caller names the refund with an idempotency key (the cancellation job derives it from
 * the order); the same key goes to the gateway. A retry after a crash — between the gateway's refund and our record of
 * it — sends the same key, gets the gateway's first refund back, and records it then: money moves once, the record is
 * written once. Two refunds of one order with different keys cannot exceed what was paid: the gateway refuses, and the
 * database's check on {@code refunded_minor} would too.
 */
@Service
public class Refunds {

    static final Set<String> REASONS = Set.of("event_cancelled", "buyer_cancelled", "organizer", "rescheduled");

    private final OrderRepository orders;
    private final PaymentGateways gateways;
    private final Tickets tickets;
    private final ActivityOutbox outbox;
    private final TransactionTemplate transaction;
    private final Payments payments;
    private final Catalogue catalogue;
    private final Events events;

    Refunds(OrderRepository orders, PaymentGateways gateways, Tickets tickets, ActivityOutbox outbox,
            TransactionTemplate transaction, Payments payments, Catalogue catalogue, Events events) {
        this.payments = payments;
        this.catalogue = catalogue;
        this.events = events;
        this.orders = orders;
        this.gateways = gateways;
        this.tickets = tickets;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /**
     * Refunds {@code amountMinor} of the order (all that is left when null).
     *
     * @throws org.springframework.web.ErrorResponseException 503 when the gateway cannot be reached or refuses (kept as
     *         a gateway error); nothing was recorded, retry with the same key
     */
    public Refund refund(UUID orderId, Long amountMinor, String reason, String idempotencyKey) {
        Optional<Refund> done = orders.refundByKey(idempotencyKey);
        if (done.isPresent()) {
            return done.get();
        }
        Order order = orders.find(orderId).orElseThrow(() -> Problems.notFound("order", orderId));
        if (order.status() != Order.Status.PAID) {
            throw Problems.conflict(order.status() == Order.Status.REFUNDED ? "the order is refunded in full already"
                    : "the order is " + order.status().name().toLowerCase() + ", not paid: there is nothing to refund");
        }
        long left = order.totalMinor() - order.refundedMinor();
        long amount = amountMinor == null ? left : amountMinor;
        if (amount < 1 || amount > left) {
            throw Problems.unprocessable("amountMinor", "between 1 and " + left + " (" + order.currency()
                    + " minor units) can be refunded");
        }
        String reference;
        try {
            reference = gateways.named(order.gateway())
                    .refund(order.paymentReference(), amount, idempotencyKey, reason).reference();
        } catch (GatewayException e) {
            throw payments.unavailable("refund", orderId, e);
        }
        transaction.executeWithoutResult(tx -> record(order, idempotencyKey, amount, reason, reference));
        return orders.refundByKey(idempotencyKey).orElseThrow();
    }

    private void record(Order before, String key, long amount, String reason, String reference) {
        Order order = orders.lock(before.id()).orElseThrow();
        if (!orders.insertRefund(order.id(), key, amount, reason, reference)) {
            return;
        }
        orders.addRefunded(order.id(), amount);
        boolean full = order.refundedMinor() + amount == order.totalMinor();
        if (full) {
            tickets.voidOrder(order.id(), Ticket.Status.REFUNDED);
            if (events.find(order.eventId()).map(e -> !e.cancelled()).orElse(false)) {
                // the places are free again (a cancelled event sells nothing anyway)
                catalogue.giveBackAll(order.ticketsPerTier());
            }
        }
        outbox.record(new ActivityOutbox.Entry(ActivityType.ORDER_REFUNDED, Payments.AGGREGATE, order.id(),
                order.eventId(), new Payloads.OrderRefunded(amount, order.currency(), full, reason)));
    }
}

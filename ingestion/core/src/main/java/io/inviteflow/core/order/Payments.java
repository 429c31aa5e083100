package io.inviteflow.core.order;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.event.EventCalledOff;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.payment.GatewayErrors;
import io.inviteflow.core.payment.GatewayException;
import io.inviteflow.core.payment.PaymentGateway;
import io.inviteflow.core.ticket.Tickets;
import io.inviteflow.core.ticketing.Catalogue;
import io.inviteflow.core.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.ErrorResponseException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An order's money settles here, exactly once: the buyer's confirmation and the gateway's webhook may both report a
 * payment, and the expiry may race them; each locks the order's row and does nothing if another got there first.
 */
@Service
public class Payments {

    static final String AGGREGATE = "order";
    static final String FREE = "free";
    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final OrderRepository orders;
    private final Catalogue catalogue;
    private final Tickets tickets;
    private final ActivityOutbox outbox;
    private final GatewayErrors errors;
    private final Events events;
    private final LateRefunds lateRefunds;
    private final Clock clock;

    Payments(OrderRepository orders, Catalogue catalogue, Tickets tickets, ActivityOutbox outbox,
             GatewayErrors errors, Events events, @Lazy LateRefunds lateRefunds, Clock clock) {
        this.events = events;
        this.lateRefunds = lateRefunds;
        this.orders = orders;
        this.catalogue = catalogue;
        this.tickets = tickets;
        this.outbox = outbox;
        this.errors = errors;
        this.clock = clock;
    }

    /**
     * The gateway took the money for a payment: the order it belongs to becomes paid and gets its tickets, unless it
     * already is. A payment we do not know, or of another amount than the order's, is kept as a gateway error for
     * admins and changes no order.
     */
    @Transactional
    public void paid(String gateway, PaymentGateway.Succeeded payment) {
        Optional<UUID> orderId = orders.byPayment(gateway, payment.reference());
        if (orderId.isEmpty()) {
            errors.record(gateway, "paid", null, "unknown_payment", "a payment " + payment.reference()
                    + " that belongs to no order");
            return;
        }
        Order order = orders.lock(orderId.get()).orElseThrow();
        if (order.status() == Order.Status.PAID || order.status() == Order.Status.REFUNDED) {
            return;
        }
        if (order.status() == Order.Status.EXPIRED) {
            // cannot happen while expiry cancels the payment first; if a gateway ever does it, a person decides
            errors.record(gateway, "paid", order.id(), "paid_after_expiry", "payment " + payment.reference()
                    + " succeeded after the order expired; refund it from the console");
            return;
        }
        if (payment.amountReceivedMinor() != order.totalMinor()
                || !payment.currency().equalsIgnoreCase(order.currency())) {
            errors.record(gateway, "paid", order.id(), "amount_mismatch", "received " + payment.amountReceivedMinor()
                    + " " + payment.currency() + " for an order of " + order.totalMinor() + " " + order.currency());
            return;
        }
        settle(order, gateway);
        if (events.find(order.eventId()).map(PartyEvent::cancelled).orElse(false)) {
            // paid in the moment the event was cancelled (its refund job may have run already): money goes back now
            UUID id = order.id();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    lateRefunds.refundLater(id);
                }
            });
        }
    }

    /** A cancelled event sells nothing more: its unpaid orders' holds end now (their payments are cancelled). */
    @EventListener
    void eventCalledOff(EventCalledOff calledOff) {
        orders.endHolds(calledOff.eventId(), clock.instant());
    }

    /** A free order is paid the moment it is placed. Caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void settleFree(UUID orderId) {
        settle(orders.lock(orderId).orElseThrow(), FREE);
    }

    private void settle(Order order, String gateway) {
        orders.markPaid(order.id(), clock.instant());
        outbox.record(new ActivityOutbox.Entry(ActivityType.ORDER_PAID, AGGREGATE, order.id(), order.eventId(),
                new Payloads.OrderPaid(order.currency(), order.totalMinor(), gateway, order.tickets())));
        tickets.issue(order.id(), order.eventId(),
                order.lines().stream().map(l -> new Tickets.Admission(l.tierId(), l.quantity())).toList(),
                order.buyerName(), order.buyerEmail());
    }

    /** The hold ran out unpaid (its payment is cancelled at the gateway): the tickets and the code use go back. */
    @Transactional
    public boolean expire(UUID orderId) {
        Order order = orders.lock(orderId).orElseThrow();
        if (order.status() != Order.Status.PENDING) {
            return false;
        }
        orders.markExpired(order.id());
        catalogue.giveBackAll(order.ticketsPerTier());
        if (order.discountCodeId() != null) {
            catalogue.unuse(order.discountCodeId());
        }
        outbox.record(new ActivityOutbox.Entry(ActivityType.ORDER_EXPIRED, AGGREGATE, order.id(), order.eventId(),
                new Payloads.OrderExpired(order.tickets())));
        return true;
    }

    void recordGatewayError(String operation, UUID orderId, GatewayException e) {
        log.warn("gateway {} failed for order {}: {}", operation, orderId, e.getMessage());
        errors.record(e.gateway(), operation, orderId, e.code(), e.getMessage());
    }

    /** The gateway failed a call for a reason not the buyer's: kept for admins, and a 503 the client may retry. */
    ErrorResponseException unavailable(String operation, UUID orderId, GatewayException e) {
        recordGatewayError(operation, orderId, e);
        ErrorResponseException problem = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "the payment provider did not answer; nothing was charged or changed, try again"), e);
        problem.getBody().setTitle("Service Unavailable");
        return Problems.coded(problem, "paymentUnavailable");
    }
}

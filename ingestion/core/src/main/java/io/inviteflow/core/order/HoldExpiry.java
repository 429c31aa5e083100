package io.inviteflow.core.order;

import io.inviteflow.core.payment.GatewayException;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.payment.PaymentGateway;
import io.inviteflow.core.payment.PaymentGateways;
import io.inviteflow.core.scheduling.BatchPoller;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Gives back the tickets of orders whose hold ran out. The payment is cancelled at the gateway first, so it can no
 * longer succeed after the tickets went back on sale; if the gateway says it already succeeded, the order is paid
 * instead; if it is still settling (a PayPal capture pending), the order waits another hour for the gateway's word.
 * An order of a cancelled event is abandoned: no gateway takes an approved payment for it. Safe on several core
 * instances at once: each order's outcome is decided under its row lock.
 */
@Component
class HoldExpiry extends BatchPoller {

    private static final int BATCH = 100;
    private static final java.time.Duration SETTLING = java.time.Duration.ofHours(1);

    private final OrderRepository orders;
    private final Payments payments;
    private final PaymentGateways gateways;
    private final Events events;
    private final TicketsProperties properties;
    private final Clock clock;

    HoldExpiry(OrderRepository orders, Payments payments, PaymentGateways gateways, Events events,
               TicketsProperties properties, Clock clock) {
        super("order-hold-expiry", BATCH);
        this.events = events;
        this.orders = orders;
        this.payments = payments;
        this.gateways = gateways;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Settles the orders due now (expired, or paid if the buyer was quicker); returns how many. A gateway failure ends
     * the round: the rest waits for the next one, not for a retry storm against a gateway that is down.
     */
    int expireDue() {
        int settled = 0;
        for (UUID id : orders.expiredHolds(clock.instant(), BATCH)) {
            Order order = orders.find(id).orElseThrow();
            try {
                if (order.paymentReference() != null) {
                    PaymentGateway gateway = gateways.named(order.gateway());
                    boolean eventCancelled = events.find(order.eventId()).map(PartyEvent::cancelled).orElse(false);
                    PaymentGateway.Cancellation cancellation = eventCancelled
                            ? gateway.abandon(order.paymentReference()) : gateway.cancel(order.paymentReference());
                    if (cancellation instanceof PaymentGateway.AlreadyPaid paid) {
                        payments.paid(gateway.name(), paid.payment());
                        settled++;
                        continue;
                    }
                    if (cancellation instanceof PaymentGateway.Processing) {
                        orders.extendHold(id, clock.instant().plus(SETTLING));
                        continue;
                    }
                }
                payments.expire(id);
                settled++;
            } catch (GatewayException e) {
                payments.recordGatewayError("cancel", id, e);
                return settled;
            }
        }
        return settled;
    }

    @Override
    protected int round() {
        return expireDue();
    }

    @Override
    protected java.time.Duration interval() {
        return properties.expiryCheckEvery();
    }
}

package io.inviteflow.core.order;

import io.inviteflow.core.payment.GatewayException;
import io.inviteflow.core.payment.PaymentGateway;
import io.inviteflow.core.payment.PaymentGateways;
import io.inviteflow.core.scheduling.BatchPoller;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Gives back the tickets of orders whose hold ran out. The payment is cancelled at the gateway first, so it can no
 * longer succeed after the tickets went back on sale; if the gateway says it already succeeded, the order is paid
 * instead. Safe on several core instances at once: each order's outcome is decided under its row lock.
 */
@Component
class HoldExpiry extends BatchPoller {

    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final Payments payments;
    private final PaymentGateways gateways;
    private final TicketsProperties properties;
    private final Clock clock;

    HoldExpiry(OrderRepository orders, Payments payments, PaymentGateways gateways, TicketsProperties properties,
               Clock clock) {
        super("order-hold-expiry", BATCH);
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
                    PaymentGateway.Cancellation cancellation = gateway.cancel(order.paymentReference());
                    if (cancellation instanceof PaymentGateway.AlreadyPaid paid) {
                        payments.paid(gateway.name(), paid.payment());
                        settled++;
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

package io.inviteflow.core.order;

import io.inviteflow.core.payment.GatewayException;
import io.inviteflow.core.payment.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives back the tickets of orders whose hold ran out. The payment is cancelled at the gateway first, so it can no
 * longer succeed after the tickets went back on sale; if the gateway says it already succeeded, the order is paid
 * instead. Safe on several core instances at once: each order's outcome is decided under its row lock.
 */
@Component
class HoldExpiry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);
    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final TicketsProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    HoldExpiry(OrderRepository orders, Payments payments, PaymentGateway gateway, TicketsProperties properties,
               Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.gateway = gateway;
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
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "order-hold-expiry");
            t.setDaemon(true);
            return t;
        });
        long every = properties.expiryCheckEvery().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                while (expireDue() == BATCH) {
                    // a full batch: more may be due
                }
            } catch (RuntimeException e) {
                log.warn("hold expiry round failed; next round in {} ms", every, e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}

package io.inviteflow.core.order;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Refunds an order that was paid just as its event was cancelled (the buyer confirmed, or Stripe's webhook arrived,
 * after the cancellation): off the request's thread, under the same key the cancellation's refund job uses, so it is
 * one refund whichever gets there. If the gateway fails, the order stays paid, its gateway error is kept, and a rerun
 * of the event's refund job (or the organizer) refunds it.
 */
@Component
class LateRefunds {

    private static final Logger log = LoggerFactory.getLogger(LateRefunds.class);

    private final Refunds refunds;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "late-refunds");
        t.setDaemon(true);
        return t;
    });

    LateRefunds(Refunds refunds) {
        this.refunds = refunds;
    }

    void refundLater(UUID orderId) {
        executor.execute(() -> {
            try {
                refunds.refund(orderId, null, "event_cancelled", "refund-" + orderId + "-event_cancelled");
            } catch (ErrorResponseException e) {
                log.warn("order {} paid after its event was cancelled is not refunded yet: {}", orderId,
                        e.getBody().getDetail());
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}

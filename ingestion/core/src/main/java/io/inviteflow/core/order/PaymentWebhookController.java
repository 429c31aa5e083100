package io.inviteflow.core.order;

import io.inviteflow.core.payment.GatewayEvent;
import io.inviteflow.core.payment.PayPalWebhooks;
import io.inviteflow.core.payment.StripeWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The gateway's events about our payments. An event seen before is acknowledged and changes nothing (gateways
 * deliver at least once). The event is recorded and acted on in one transaction: if acting fails, the gateway sends
 * it again. {@code payment_intent.payment_failed} needs nothing (the buyer's attempt recorded it), nor does
 * {@code payment_intent.canceled} (our own expiry asked for it). PayPal's {@code CHECKOUT.ORDER.APPROVED} is acted on
 * after the record: the capture is a call to PayPal, made outside any transaction (if it fails, the hold's end
 * captures an approved order).
 */
@RestController
class PaymentWebhookController {

    private final StripeWebhooks stripe;
    private final PayPalWebhooks paypal;
    private final Checkout checkout;
    private final WebhookEventRepository seen;
    private final Payments payments;
    private final TransactionTemplate transaction;

    PaymentWebhookController(StripeWebhooks stripe, PayPalWebhooks paypal, Checkout checkout,
                             WebhookEventRepository seen, Payments payments, TransactionTemplate transaction) {
        this.stripe = stripe;
        this.paypal = paypal;
        this.checkout = checkout;
        this.seen = seen;
        this.payments = payments;
        this.transaction = transaction;
    }

    @PostMapping("/webhooks/stripe")
    @Operation(summary = "Stripe's webhook endpoint (signed with the endpoint's secret)")
    Map<String, Object> stripe(@RequestBody String payload,
                               @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        return received(stripe.verify(payload, signature));
    }

    @PostMapping("/webhooks/paypal")
    @Operation(summary = "PayPal's webhook endpoint (its signature is confirmed with PayPal before anything is read)")
    Map<String, Object> paypal(@RequestBody String payload, @RequestHeader HttpHeaders headers) {
        GatewayEvent event = paypal.verify(payload, headers);
        Map<String, Object> answer = received(event);
        if (event.approved() != null && Boolean.FALSE.equals(answer.get("duplicate"))) {
            checkout.approved(event.gateway(), event.approved());
        }
        return answer;
    }

    private Map<String, Object> received(GatewayEvent event) {
        boolean first = Boolean.TRUE.equals(transaction.execute(tx -> {
            boolean fresh = seen.firstTime(event);
            if (fresh && event.succeeded() != null) {
                payments.paid(event.gateway(), event.succeeded());
            }
            return fresh;
        }));
        return Map.of("received", true, "duplicate", !first);
    }
}

package io.inviteflow.core.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import io.inviteflow.core.order.Payments;
import io.inviteflow.core.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Stripe's events about our payments. The signature (HMAC of the raw body under the endpoint's secret, with a
 * timestamp at most five minutes old) is checked before anything is read; an event seen before is acknowledged and
 * changes nothing. The event is recorded and acted on in one transaction: if acting fails, Stripe sends it again.
 */
@RestController
class StripeWebhookController {

    private final PaymentProperties properties;
    private final Payments payments;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    StripeWebhookController(PaymentProperties properties, Payments payments, JdbcClient jdbc,
                            TransactionTemplate transaction) {
        this.properties = properties;
        this.payments = payments;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @PostMapping("/webhooks/stripe")
    @Operation(summary = "Stripe's webhook endpoint (signed with the endpoint's secret)")
    Map<String, Object> receive(@RequestBody String payload,
                                @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature == null ? "" : signature,
                    properties.stripe().webhookSecret());
        } catch (SignatureVerificationException e) {
            throw Problems.coded(new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                            "the Stripe-Signature header does not verify: " + e.getMessage()), e), "badSignature");
        } catch (RuntimeException e) { // signed by the secret, but not an event (Gson refuses the body)
            throw Problems.unprocessable("body", "not a Stripe event");
        }
        boolean first = Boolean.TRUE.equals(transaction.execute(tx -> {
            boolean fresh = jdbc.sql("INSERT INTO payment_webhook_event (gateway, event_id, type) "
                            + "VALUES ('stripe', :id, :type) ON CONFLICT DO NOTHING")
                    .param("id", event.getId()).param("type", event.getType()).update() == 1;
            if (fresh && "payment_intent.succeeded".equals(event.getType())) {
                PaymentIntent intent = (PaymentIntent) object(event);
                payments.paid(StripeGateway.NAME, new PaymentGateway.Succeeded(intent.getId(),
                        intent.getAmountReceived(), intent.getCurrency()));
            }
            // payment_failed: the buyer's own attempt already recorded it; canceled: our expiry asked for it
            return fresh;
        }));
        return Map.of("received", true, "duplicate", !first);
    }

    /** The event's object; events of another API version than the library's are read as they are. */
    private static StripeObject object(Event event) {
        var data = event.getDataObjectDeserializer();
        return data.getObject().orElseGet(() -> {
            try {
                return data.deserializeUnsafe();
            } catch (com.stripe.exception.EventDataObjectDeserializationException e) {
                throw Problems.unprocessable("data.object", "cannot read the event's object: " + e.getMessage());
            }
        });
    }
}

package io.inviteflow.core.payment;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import io.inviteflow.core.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads Stripe's webhook calls with stripe-java: the signature (HMAC-SHA256 of the raw body under the endpoint's
 * signing secret, with a timestamp at most five minutes old, so a recorded call cannot be replayed later) is checked
 * before anything in the body is believed.
 */
@Component
public class StripeWebhooks {

    private final PaymentProperties properties;

    StripeWebhooks(PaymentProperties properties) {
        this.properties = properties;
    }

    /** @throws ErrorResponseException 400 for a wrong, missing or stale signature; 422 for a body that is no event */
    public GatewayEvent verify(String payload, String signature) {
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature == null ? "" : signature,
                    properties.stripe().webhookSecret());
        } catch (SignatureVerificationException e) {
            throw Problems.coded(new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "the Stripe-Signature header does not verify: " + e.getMessage()), e),
                    "badSignature");
        } catch (RuntimeException e) { // signed with our secret, yet not an event (Gson refuses the body)
            throw Problems.unprocessable("body", "not a Stripe event");
        }
        PaymentGateway.Succeeded succeeded = null;
        if ("payment_intent.succeeded".equals(event.getType())) {
            PaymentIntent intent = (PaymentIntent) object(event);
            succeeded = new PaymentGateway.Succeeded(intent.getId(), intent.getAmountReceived(), intent.getCurrency());
        }
        return new GatewayEvent(StripeGateway.NAME, event.getId(), event.getType(), succeeded, null);
    }

    /** The event's object; an event of another API version than the library's is read as it is. */
    private static StripeObject object(Event event) {
        var data = event.getDataObjectDeserializer();
        return data.getObject().orElseGet(() -> {
            try {
                return data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw Problems.unprocessable("data.object", "cannot read the event's object: " + e.getMessage());
            }
        });
    }
}

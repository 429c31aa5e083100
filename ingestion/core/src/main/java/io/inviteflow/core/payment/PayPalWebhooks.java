package io.inviteflow.core.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.core.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads PayPal's webhook calls. Nothing in the body is believed before PayPal confirmed the signature: the
 * {@code PAYPAL-TRANSMISSION-*} headers and the event, exactly as received, go to PayPal's
 * {@code verify-webhook-signature} API together with our endpoint's webhook id (so an event signed for another
 * endpoint does not verify here).
 */
@Component
public class PayPalWebhooks {

    private final PayPalClient paypal;
    private final PaymentProperties.PayPal config;

    PayPalWebhooks(PayPalClient paypal, PaymentProperties properties) {
        this.paypal = paypal;
        this.config = properties.paypal();
    }

    /** @throws ErrorResponseException 400 for a signature PayPal does not confirm or a body that is not JSON */
    public GatewayEvent verify(String payload, HttpHeaders headers) {
        JsonNode event;
        try {
            // nothing may follow the event: the raw body is spliced into the verify call, so trailing text could add
            // fields of its own there (another webhook id)
            event = PayPalMoney.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(payload);
        } catch (java.io.IOException e) {
            throw badSignature("the body is not one JSON object");
        }
        if (!event.isObject() || !config.enabled()) {
            throw badSignature(config.enabled() ? "the body is not an event" : "PayPal is not configured here");
        }
        ObjectNode request = PayPalMoney.JSON.createObjectNode();
        for (String header : new String[]{"transmission_id", "transmission_time", "transmission_sig", "cert_url",
                "auth_algo"}) {
            String value = headers.getFirst("PAYPAL-" + header.toUpperCase().replace('_', '-'));
            if (value == null || value.isBlank()) {
                throw badSignature("the PAYPAL-" + header.toUpperCase().replace('_', '-') + " header is missing");
            }
            request.put(header, value);
        }
        request.put("webhook_id", config.webhookId());
        // the event goes back byte for byte: the signature covers the CRC32 of exactly what PayPal sent
        String body = request.toString();
        body = body.substring(0, body.length() - 1) + ",\"webhook_event\":" + payload + "}";
        String bodyToVerify = body;
        JsonNode answer;
        try {
            answer = paypal.post("/v1/notifications/verify-webhook-signature", bodyToVerify, null);
        } catch (PayPalClient.Refusal e) {
            throw new GatewayException(PayPalGateway.NAME, e.issue, "PayPal refused to verify a webhook: "
                    + e.getMessage(), e);
        }
        if (!"SUCCESS".equals(answer.path("verification_status").asText())) {
            throw badSignature("PayPal did not confirm the signature");
        }
        return read(event);
    }

    private static GatewayEvent read(JsonNode event) {
        String type = event.path("event_type").asText();
        JsonNode resource = event.path("resource");
        PaymentGateway.Succeeded succeeded = null;
        String approved = null;
        if ("PAYMENT.CAPTURE.COMPLETED".equals(type)) {
            String order = resource.path("supplementary_data").path("related_ids").path("order_id").asText(null);
            if (order == null) {
                throw Problems.unprocessable("resource.supplementary_data", "a capture without its order id");
            }
            succeeded = new PaymentGateway.Succeeded(order, PayPalMoney.minor(resource.path("amount")),
                    resource.path("amount").path("currency_code").asText());
        } else if ("CHECKOUT.ORDER.APPROVED".equals(type)) {
            approved = resource.path("id").asText(null);
        }
        return new GatewayEvent(PayPalGateway.NAME, event.path("id").asText(), type, succeeded, approved);
    }

    private static ErrorResponseException badSignature(String detail) {
        return Problems.coded(new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "the PayPal webhook does not verify: " + detail), null), "badSignature");
    }
}

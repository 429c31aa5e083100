package io.inviteflow.core.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Tests of ticket sales: the core talks with stripe-java to the Stripe stand-in (local-stack/stand-ins), which posts its
 * signed webhooks back to this core ({@link CoreIntegrationTest} starts it). Expired holds are looked for every 200 ms.
 */
public abstract class PaidEventTest extends OrganizerApiTest {

    @BeforeEach
    void webhooksToThisCore() {
        STRIPE.sendWebhooksTo("http://127.0.0.1:" + port + "/webhooks/stripe");
        PAYPAL.sendWebhooksTo("http://127.0.0.1:" + port + "/webhooks/paypal");
    }

    /** An event selling in EUR (19 % VAT included, no fee) with one tier; returns {eventId, tierId}. */
    protected List<String> paidEvent(String title, long priceMinor, int quantity) {
        String eventId = api.newEvent(organizer, title);
        ok(api.put("/api/v1/events/" + eventId + "/ticket-settings", organizer,
                "{\"currency\":\"EUR\",\"vatBasisPoints\":1900,\"feeFixedMinor\":0,\"feeBasisPoints\":0}"), 200);
        JsonNode tier = ok(api.post("/api/v1/events/" + eventId + "/ticket-tiers", organizer,
                "{\"name\":\"Standard\",\"priceMinor\":%d,\"quantity\":%d}".formatted(priceMinor, quantity)), 201);
        return List.of(eventId, tier.get("id").asText());
    }

    protected Api.Response order(String guestToken, String tierId, int quantity, String code) {
        return api.post("/i/" + guestToken + "/orders", null, """
                {"lines":[{"tierId":"%s","quantity":%d}],%s"buyerName":"Grace Hopper","buyerEmail":"grace@example.org"}"""
                .formatted(tierId, quantity, code == null ? "" : "\"discountCode\":\"" + code + "\","));
    }

    protected Api.Response pay(String guestToken, String orderId, String paymentMethod) {
        return api.post("/i/" + guestToken + "/orders/" + orderId + "/payment", null,
                "{\"paymentMethod\":\"" + paymentMethod + "\"}");
    }

    /** Orders and pays; returns the paid order. */
    protected JsonNode paidOrder(String guestToken, String tierId, int quantity) {
        JsonNode order = ok(order(guestToken, tierId, quantity, null), 201);
        return ok(pay(guestToken, order.get("id").asText(), "pm_card_visa"), 200);
    }


    /** Requests the Stripe stand-in received whose URL matches, with their Idempotency-Key. */
    protected static List<String> idempotencyKeysOf(String method, String urlRegex) {
        return keysOf(STRIPE.server(), "Idempotency-Key", method, urlRegex);
    }

    /** Requests the PayPal stand-in received whose URL matches, with their PayPal-Request-Id. */
    protected static List<String> paypalRequestIdsOf(String method, String urlRegex) {
        return keysOf(PAYPAL.server(), "PayPal-Request-Id", method, urlRegex);
    }

    private static List<String> keysOf(WireMockServer server, String header, String method, String urlRegex) {
        var keys = new ConcurrentLinkedQueue<String>();
        server.getAllServeEvents().forEach(e -> {
            var r = e.getRequest();
            if (r.getMethod().value().equals(method) && r.getUrl().matches(urlRegex)) {
                keys.add(r.containsHeader(header) ? r.getHeader(header) : "");
            }
        });
        return List.copyOf(keys);
    }
}

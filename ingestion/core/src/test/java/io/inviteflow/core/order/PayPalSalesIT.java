package io.inviteflow.core.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.PaidEventTest;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paying with PayPal, against the PayPal stand-in: the buyer approves on the provider's page and comes back, the core
 * captures once; webhooks are believed only after PayPal confirmed their signature; refunds go to the capture.
 */
class PayPalSalesIT extends PaidEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGuestPaysWithPayPalFromTheInvitationPageAndIsChargedOnce() throws Exception {
        List<String> sale = paidEvent("Garden party", 3500, 10);
        String guest = api.invite(organizer, sale.get(0), "Joan").get(0).get("token").asText();
        assertThat(api.get("/i/" + guest, null).body()).contains("name=\"gateway\" value=\"paypal\"");
        assertThat(ok(api.get("/i/" + guest + "/shop", null), 200).get("gateways").toString())
                .isEqualTo("[\"stripe\",\"paypal\"]");

        Api.Response ordered = api.postForm("/i/" + guest + "/tickets", "qty-" + sale.get(1)
                + "=2&name=Joan+Clarke&email=joan%40example.org&gateway=paypal");
        assertThat(ordered.status()).isEqualTo(303);
        URI approvePage = URI.create(ordered.raw().headers().firstValue("Location").orElseThrow());
        assertThat(approvePage.toString()).startsWith(PAYPAL.baseUrl() + "/checkoutnow?token=");
        String paypalOrder = approvePage.getQuery().substring("token=".length());
        assertThat(get(approvePage).body()).contains("70.00 EUR").contains("stand-in");

        URI back = approve(paypalOrder, "balance");
        assertThat(back.getPath()).matches("/i/" + guest + "/orders/[0-9a-f-]{36}/approved");
        String orderId = back.getPath().split("/")[4];
        Api.Response returned = api.get(back.getPath() + "?" + back.getQuery(), null);
        assertThat(returned.status()).isEqualTo(303);
        assertThat(api.get("/i/" + guest, null).body()).contains("Paid.");
        JsonNode order = ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200);
        assertThat(order.get("status").asText()).isEqualTo("PAID");
        assertThat(order.get("tickets")).hasSize(2);

        PAYPAL.awaitWebhooks(); // PAYMENT.CAPTURE.COMPLETED arrives too, and changes nothing
        // the return and the approval's webhook may both ask to capture; PayPal takes the money once
        assertThat(captured(paypalOrder)).isEqualTo(1);
        assertThat(paypalRequestIdsOf("POST", "/v2/checkout/orders"))
                .contains("order-" + orderId + "-payment");
        try (ActivityReader reader = new ActivityReader(TOPIC)) {
            var paid = reader.readUntil(m -> m.stream().anyMatch(x -> paidActivity(x, orderId)),
                    Duration.ofSeconds(20)).stream().filter(x -> paidActivity(x, orderId)).toList();
            assertThat(paid).hasSize(1);
            assertThat(paid.get(0).activity().payload().get("gateway").asText()).isEqualTo("paypal");
            assertThat(paid.get(0).activity().payload().get("totalMinor").asLong()).isEqualTo(7000);
        }
    }

    private static boolean paidActivity(ActivityReader.Message message, String orderId) {
        return message.activity().type() == ActivityType.ORDER_PAID
                && message.activity().aggregateId().toString().equals(orderId);
    }

    @Test
    void aBuyerWhoClosesTheWindowAfterApprovingIsChargedThroughTheWebhook() throws Exception {
        List<String> sale = paidEvent("Book launch", 1200, 10);
        String guest = api.invite(organizer, sale.get(0), "Mary").get(0).get("token").asText();
        JsonNode placed = ok(payPalOrder(guest, sale.get(1), 1), 201);
        String approveUrl = placed.get("payment").get("approveUrl").asText();
        assertThat(placed.get("payment").get("gateway").asText()).isEqualTo("paypal");
        assertThat(placed.get("payment").get("clientSecret").isNull()).isTrue();

        approve(approveUrl.substring(approveUrl.indexOf("token=") + 6), "balance"); // and never comes back
        String orderId = placed.get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> ok(api.get("/i/" + guest + "/orders/" + orderId, null),
                200).get("status").asText().equals("PAID"));
        assertThat(ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200).get("tickets")).hasSize(1);
    }

    @Test
    void aDeclinedFundingSourceKeepsTheOrderHeldUntilTheBuyerApprovesAgain() throws Exception {
        List<String> sale = paidEvent("Tasting", 2000, 10);
        String guest = api.invite(organizer, sale.get(0), "Hedy").get(0).get("token").asText();
        JsonNode placed = ok(payPalOrder(guest, sale.get(1), 1), 201);
        String orderId = placed.get("id").asText();
        String paypalOrder = token(placed.get("payment").get("approveUrl").asText());

        URI back = approve(paypalOrder, "declined-card");
        PAYPAL.awaitWebhooks(); // the approval's webhook tries the capture too: declined, nothing changes
        Api.Response declined = api.get(back.getPath() + "?" + back.getQuery(), null);
        assertThat(declined.status()).isEqualTo(402);
        JsonNode pending = ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(declined.body()).contains(pending.get("payment").get("approveUrl").asText().replace("&", "&amp;"));

        Api.Response paid = api.get(approve(paypalOrder, "balance").getPath() + "?" + back.getQuery(), null);
        assertThat(paid.status()).isEqualTo(303);
        assertThat(ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200).get("status").asText())
                .isEqualTo("PAID");
        assertThat(ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200).get("tickets")).hasSize(1);
    }

    @Test
    void anUnapprovedOrderExpiresAndAnApprovedOneIsCapturedWhenItsHoldRunsOut() throws Exception {
        List<String> sale = paidEvent("Small room", 1000, 2);
        String guest = api.invite(organizer, sale.get(0), "Ida").get(0).get("token").asText();
        String abandoned = ok(payPalOrder(guest, sale.get(1), 1), 201).get("id").asText();
        JsonNode approvedOrder = ok(payPalOrder(guest, sale.get(1), 1), 201);
        String approved = approvedOrder.get("id").asText();
        PAYPAL.sendWebhooksTo("http://127.0.0.1:9/nowhere"); // the approval's webhook is lost
        approve(token(approvedOrder.get("payment").get("approveUrl").asText()), "balance");
        PAYPAL.awaitWebhooks();

        jdbc.sql("UPDATE ticket_order SET hold_expires_at = now() - interval '1 second' WHERE id IN (:a, :b)")
                .param("a", UUID.fromString(abandoned)).param("b", UUID.fromString(approved)).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> !"PENDING".equals(status(guest, abandoned))
                && !"PENDING".equals(status(guest, approved)));
        assertThat(status(guest, abandoned)).isEqualTo("EXPIRED");
        assertThat(status(guest, approved)).isEqualTo("PAID"); // PayPal cannot void an approval: the buyer gets it
        assertThat(ok(order(guest, sale.get(1), 1, null), 201).get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aPendingECheckKeepsTheOrderHeldUntilPayPalSaysItCleared() throws Exception {
        List<String> sale = paidEvent("Gallery night", 1800, 10);
        String guest = api.invite(organizer, sale.get(0), "Rosalind").get(0).get("token").asText();
        JsonNode placed = ok(payPalOrder(guest, sale.get(1), 1), 201);
        String orderId = placed.get("id").asText();
        URI back = approve(token(placed.get("payment").get("approveUrl").asText()), "echeck");
        Api.Response processing = api.get(back.getPath() + "?" + back.getQuery(), null);
        assertThat(processing.status()).isEqualTo(202);
        assertThat(processing.body()).contains("still processing your payment");
        assertThat(status(guest, orderId)).isEqualTo("PENDING");
        // its hold runs out meanwhile: the money is on its way, so the order waits instead of giving its tickets back
        jdbc.sql("UPDATE ticket_order SET hold_expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", UUID.fromString(orderId)).update();
        await().atMost(Duration.ofSeconds(15)).until(() -> status(guest, orderId).equals("PAID"));
        assertThat(ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200).get("tickets")).hasSize(1);
    }

    @Test
    void anApprovedPaymentOfACancelledEventIsNeverTaken() throws Exception {
        List<String> sale = paidEvent("Rained off", 2200, 10);
        String guest = api.invite(organizer, sale.get(0), "Barbara").get(0).get("token").asText();
        JsonNode placed = ok(payPalOrder(guest, sale.get(1), 1), 201);
        String paypalOrder = token(placed.get("payment").get("approveUrl").asText());
        PAYPAL.sendWebhooksTo("http://127.0.0.1:9/nowhere"); // the approval's webhook is lost
        approve(paypalOrder, "balance");
        PAYPAL.awaitWebhooks();
        PAYPAL.sendWebhooksTo("http://127.0.0.1:" + port + "/webhooks/paypal");

        ok(api.post("/api/v1/events/" + sale.get(0) + "/cancel", organizer, "{\"reason\":\"Storm\"}"), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(guest, placed.get("id").asText())
                .equals("EXPIRED"));
        assertThat(captured(paypalOrder)).isZero(); // nothing taken, so nothing to refund
    }

    @Test
    void refundsGoToTheCaptureOncePerKey() throws Exception {
        List<String> sale = paidEvent("Concert", 4000, 10);
        String guest = api.invite(organizer, sale.get(0), "Emmy").get(0).get("token").asText();
        String orderId = payWithPayPal(guest, sale.get(1), 2);
        String refunds = "/api/v1/events/" + sale.get(0) + "/orders/" + orderId + "/refunds";

        JsonNode partial = ok(refund(refunds, "{\"amountMinor\":1050,\"reason\":\"organizer\"}", "p-1"), 201);
        assertThat(ok(refund(refunds, "{\"amountMinor\":1050,\"reason\":\"organizer\"}", "p-1"), 201).get("id"))
                .isEqualTo(partial.get("id"));
        ok(refund(refunds, "{\"reason\":\"organizer\"}", "p-2"), 201);
        JsonNode after = ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200);
        assertThat(after.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(after.get("refundedMinor").asLong()).isEqualTo(8000);

        assertThat(paypalRequestIdsOf("POST", "/v2/payments/captures/[A-Z0-9]+/refund"))
                .filteredOn(k -> k.contains(orderId))
                .containsExactlyInAnyOrder("refund-" + orderId + "-p-1", "refund-" + orderId + "-p-2");
        List<String> amounts = PAYPAL.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/refund")
                        && "refund-%s-p-1".formatted(orderId).equals(e.getRequest().getHeader("PayPal-Request-Id")))
                .map(e -> e.getResponse().getBodyAsString()).toList();
        assertThat(amounts).isNotEmpty().allSatisfy(body -> assertThat(JSON.readTree(body).get("amount").get("value")
                .asText()).isEqualTo("10.50"));
    }

    @Test
    void webhooksAreBelievedOnlyWhenPayPalConfirmsTheirSignatureAndOnlyOnce() throws Exception {
        BlockingQueue<Map.Entry<Map<String, String>, String>> caught = new LinkedBlockingQueue<>();
        HttpServer catcher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catcher.createContext("/", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toUpperCase(), v.get(0)));
            caught.add(Map.entry(headers, new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        catcher.start();
        try {
            List<String> sale = paidEvent("Lecture", 1500, 10);
            String guest = api.invite(organizer, sale.get(0), "Lise").get(0).get("token").asText();
            JsonNode placed = ok(payPalOrder(guest, sale.get(1), 1), 201);
            PAYPAL.sendWebhooksTo("http://127.0.0.1:" + catcher.getAddress().getPort() + "/");
            approve(token(placed.get("payment").get("approveUrl").asText()), "balance");
            var approval = caught.poll(10, TimeUnit.SECONDS);
            assertThat(approval).isNotNull();
            PAYPAL.sendWebhooksTo("http://127.0.0.1:" + port + "/webhooks/paypal");

            String event = approval.getValue();
            ObjectNode tampered = (ObjectNode) JSON.readTree(event);
            tampered.with("resource").put("id", "SOMEONEELSES00000");
            assertThat(paypalWebhook(approval.getKey(), tampered.toString()).status()).isEqualTo(400);
            Map<String, String> unsigned = new java.util.HashMap<>(approval.getKey());
            unsigned.remove("PAYPAL-TRANSMISSION-SIG");
            assertThat(paypalWebhook(unsigned, event).json().get("code").asText()).isEqualTo("badSignature");
            assertThat(status(guest, placed.get("id").asText())).isEqualTo("PENDING");

            JsonNode first = ok(paypalWebhook(approval.getKey(), event), 200);
            JsonNode replayed = ok(paypalWebhook(approval.getKey(), event), 200);
            assertThat(first.get("duplicate").asBoolean()).isFalse();
            assertThat(replayed.get("duplicate").asBoolean()).isTrue();
            assertThat(status(guest, placed.get("id").asText())).isEqualTo("PAID");
            String paypalOrder = token(placed.get("payment").get("approveUrl").asText());
            assertThat(captured(paypalOrder)).isEqualTo(1);
        } finally {
            catcher.stop(0);
        }
    }

    private Api.Response payPalOrder(String guestToken, String tierId, int quantity) {
        return api.post("/i/" + guestToken + "/orders", null, """
                {"lines":[{"tierId":"%s","quantity":%d}],"buyerName":"Ada","buyerEmail":"ada@example.org",\
                "gateway":"paypal"}""".formatted(tierId, quantity));
    }

    /** Orders, approves at the stand-in and comes back; returns the paid order's id. */
    private String payWithPayPal(String guest, String tierId, int quantity) throws Exception {
        JsonNode placed = ok(payPalOrder(guest, tierId, quantity), 201);
        URI back = approve(token(placed.get("payment").get("approveUrl").asText()), "balance");
        assertThat(api.get(back.getPath() + "?" + back.getQuery(), null).status()).isEqualTo(303);
        assertThat(status(guest, placed.get("id").asText())).isEqualTo("PAID");
        return placed.get("id").asText();
    }

    /** The payer approves on the stand-in's page; returns where PayPal sends their browser. */
    private URI approve(String paypalOrder, String funding) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(PAYPAL.baseUrl()
                        + "/checkoutnow/approve"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(paypalOrder,
                        StandardCharsets.UTF_8) + "&funding=" + funding))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Api.Response paypalWebhook(Map<String, String> headers, String body) {
        return api.exchange("/webhooks/paypal", b -> {
            b.header("Content-Type", "application/json");
            headers.forEach((name, value) -> {
                if (name.startsWith("PAYPAL-")) {
                    b.header(name, value);
                }
            });
            return b.POST(HttpRequest.BodyPublishers.ofString(body));
        });
    }

    private Api.Response refund(String path, String json, String key) {
        return api.exchange(path, b -> b.header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + organizer).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String status(String guest, String orderId) {
        return ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200).get("status").asText();
    }

    /** Captures of the PayPal order that took money (201); a repeat is refused with ORDER_ALREADY_CAPTURED. */
    private static long captured(String paypalOrder) {
        return PAYPAL.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v2/checkout/orders/" + paypalOrder + "/capture"))
                .filter(e -> e.getResponse().getStatus() == 201)
                .count();
    }

    private static String token(String approveUrl) {
        return approveUrl.substring(approveUrl.indexOf("token=") + "token=".length());
    }
}

package io.inviteflow.core.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.PaidEventTest;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Buying tickets: no overselling, one charge per order, prices to the cent, holds that run out, verified webhooks. */
class TicketSalesIT extends PaidEventTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredBuyersRaceForFiftyTicketsAndExactlyFiftyAreSold() throws Exception {
        List<String> sale = paidEvent("Sold-out show", 2500, 50);
        String[] names = IntStream.range(0, 200).mapToObj(i -> "Buyer " + i).toArray(String[]::new);
        JsonNode invited = api.invite(organizer, sale.get(0), names);
        ExecutorService buyers = Executors.newFixedThreadPool(32);
        List<Future<Api.Response>> attempts = new ArrayList<>();
        for (JsonNode invitation : invited) {
            String token = invitation.get("token").asText();
            attempts.add(buyers.submit(() -> {
                Api.Response placed = order(token, sale.get(1), 1, null);
                return placed.status() == 201 ? pay(token, placed.json().get("id").asText(), "pm_card_visa") : placed;
            }));
        }
        List<Api.Response> outcomes = new ArrayList<>();
        for (Future<Api.Response> attempt : attempts) {
            outcomes.add(attempt.get());
        }
        buyers.shutdown();

        assertThat(outcomes.stream().filter(r -> r.status() == 200)).hasSize(50)
                .allSatisfy(r -> assertThat(r.json().get("status").asText()).isEqualTo("PAID"));
        assertThat(outcomes.stream().filter(r -> r.status() == 409)).hasSize(150)
                .allSatisfy(r -> assertThat(r.json().get("code").asText()).isEqualTo("soldOut"));
        UUID tierId = UUID.fromString(sale.get(1));
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE tier_id = :t").param("t", tierId).query(Integer.class)
                .single()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT taken FROM ticket_tier WHERE id = :t").param("t", tierId).query(Integer.class)
                .single()).isEqualTo(50);
        JsonNode sales = ok(api.get("/api/v1/events/" + sale.get(0) + "/sales", organizer), 200).get(0);
        assertThat(sales.get("sold").asInt()).isEqualTo(50);
        assertThat(sales.get("left").asInt()).isZero();
        assertThat(sales.get("revenueMinor").asLong()).isEqualTo(50 * 2500);
    }

    @Test
    void pricesIncludeDiscountFeeAndVatToTheCentAndACodeIsUsedOnlyAsOftenAsAllowed() {
        String eventId = api.newEvent(organizer, "Conference");
        ok(api.put("/api/v1/events/" + eventId + "/ticket-settings", organizer,
                "{\"currency\":\"EUR\",\"vatBasisPoints\":1900,\"feeFixedMinor\":99,\"feeBasisPoints\":250}"), 200);
        String tier = ok(api.post("/api/v1/events/" + eventId + "/ticket-tiers", organizer,
                "{\"name\":\"Regular\",\"priceMinor\":5000,\"quantity\":100}"), 201).get("id").asText();
        ok(api.post("/api/v1/events/" + eventId + "/discount-codes", organizer,
                "{\"code\":\"EARLY10\",\"percentOff\":10,\"maxUses\":1}"), 201);
        ok(api.post("/api/v1/events/" + eventId + "/discount-codes", organizer,
                "{\"code\":\"LASTYEAR\",\"amountOffMinor\":500,\"validUntil\":\"2020-01-01T00:00:00Z\"}"), 201);
        JsonNode guests = api.invite(organizer, eventId, "Ada", "Alan");
        String ada = guests.get(0).get("token").asText();
        String alan = guests.get(1).get("token").asText();

        JsonNode order = ok(order(ada, tier, 2, "early10"), 201);
        assertThat(order.get("subtotalMinor").asLong()).isEqualTo(10_000);
        assertThat(order.get("discountMinor").asLong()).isEqualTo(1_000);
        assertThat(order.get("feeMinor").asLong()).isEqualTo(2 * 99 + 225); // 2.5 % of 90.00
        assertThat(order.get("totalMinor").asLong()).isEqualTo(9_423);
        assertThat(order.get("vatMinor").asLong()).isEqualTo(1_505); // 94.23 × 19/119 = 15.045…
        assertThat(order.get("payment").get("clientSecret").asText()).startsWith("pi_");

        Api.Response usedUp = order(alan, tier, 1, "EARLY10");
        assertThat(usedUp.status()).isEqualTo(409);
        assertThat(usedUp.json().get("code").asText()).isEqualTo("codeUsedUp");
        assertThat(order(alan, tier, 1, "NOPE").json().get("code").asText()).isEqualTo("unknownCode");
        assertThat(order(alan, tier, 1, "LASTYEAR").json().get("code").asText()).isEqualTo("codeExpired");
        // refused orders took nothing
        assertThat(ok(api.get("/i/" + alan + "/shop", null), 200).get("tiers").get(0).get("available").asInt())
                .isEqualTo(98);
        // the amount Stripe was asked for is the order's total
        String orderId = order.get("id").asText();
        assertThat(STRIPE.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/payment_intents")
                        && e.getRequest().getBodyAsString().contains(orderId)))
                .singleElement()
                .satisfies(e -> assertThat(e.getRequest().getBodyAsString()).contains("amount=9423")
                        .contains("currency=eur"));
        assertThat(ok(pay(ada, orderId, "pm_card_visa"), 200).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void aDeclinedCardLeavesTheOrderOpenAndPayingTwiceChargesOnce() throws Exception {
        List<String> sale = paidEvent("Gala", 4000, 10);
        String guest = api.invite(organizer, sale.get(0), "Grace").get(0).get("token").asText();
        String orderId = ok(order(guest, sale.get(1), 2, null), 201).get("id").asText();

        Api.Response declined = pay(guest, orderId, "pm_card_chargeDeclined");
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.json().get("code").asText()).isEqualTo("paymentDeclined");
        assertThat(declined.json().get("declineCode").asText()).isEqualTo("card_declined");
        assertThat(ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200).get("status").asText())
                .isEqualTo("PENDING");

        JsonNode paid = ok(pay(guest, orderId, "pm_card_visa"), 200);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("tickets")).hasSize(2);
        assertThat(ok(pay(guest, orderId, "pm_card_visa"), 200).get("tickets")).hasSize(2);
        STRIPE.awaitWebhooks(); // payment_intent.succeeded arrived too, and changed nothing

        String pi = jdbc.sql("SELECT payment_reference FROM ticket_order WHERE id = :id")
                .param("id", UUID.fromString(orderId)).query(String.class).single();
        assertThat(idempotencyKeysOf("POST", "/v1/payment_intents/" + pi + "/confirm"))
                .containsExactlyInAnyOrder("order-" + orderId + "-attempt-1", "order-" + orderId + "-attempt-2");
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE order_id = :id").param("id", UUID.fromString(orderId))
                .query(Integer.class).single()).isEqualTo(2);
        try (ActivityReader reader = new ActivityReader(TOPIC)) {
            var messages = reader.readUntil(m -> m.stream().filter(x -> x.activity().aggregateId().toString()
                    .equals(orderId)).count() >= 3, Duration.ofSeconds(20));
            var ofOrder = messages.stream().filter(x -> x.activity().aggregateId().toString().equals(orderId))
                    .map(x -> x.activity().type()).toList();
            assertThat(ofOrder).containsExactly(ActivityType.ORDER_PLACED, ActivityType.ORDER_PAYMENT_FAILED,
                    ActivityType.ORDER_PAID);
        }
    }

    @Test
    void anExpiredHoldCancelsThePaymentAndPutsTheTicketsAndTheCodeBackOnSale() {
        List<String> sale = paidEvent("Workshop", 1500, 3);
        ok(api.post("/api/v1/events/" + sale.get(0) + "/discount-codes", organizer,
                "{\"code\":\"ONCE\",\"percentOff\":50,\"maxUses\":1}"), 201);
        String guest = api.invite(organizer, sale.get(0), "Linus").get(0).get("token").asText();
        String orderId = ok(order(guest, sale.get(1), 3, "ONCE"), 201).get("id").asText();
        assertThat(order(guest, sale.get(1), 1, null).json().get("code").asText()).isEqualTo("soldOut");

        jdbc.sql("UPDATE ticket_order SET hold_expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", UUID.fromString(orderId)).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200)
                .get("status").asText().equals("EXPIRED"));

        String pi = jdbc.sql("SELECT payment_reference FROM ticket_order WHERE id = :id")
                .param("id", UUID.fromString(orderId)).query(String.class).single();
        // every core instance looks for expired holds; however many asked, they asked under one key: one cancellation
        assertThat(idempotencyKeysOf("POST", "/v1/payment_intents/" + pi + "/cancel")).isNotEmpty()
                .containsOnly("cancel-" + pi);
        Api.Response late = pay(guest, orderId, "pm_card_visa");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("holdExpired");
        // the places and the code's one use are back
        assertThat(ok(order(guest, sale.get(1), 3, "ONCE"), 201).get("discountMinor").asLong()).isEqualTo(2250);
    }

    @Test
    void aBundleSellsOnlyWhileItsMerchandiseLastsAndGivesItBackWhenAHoldExpires() {
        List<String> sale = paidEvent("Festival weekend", 8000, 100);
        String shirt = ok(api.post("/api/v1/events/" + sale.get(0) + "/merchandise", organizer,
                "{\"name\":\"Festival T-shirt\",\"quantity\":2}"), 201).get("id").asText();
        String bundle = ok(api.post("/api/v1/events/" + sale.get(0) + "/ticket-tiers", organizer, """
                {"name":"Weekend + shirt","priceMinor":9500,"quantity":50,"includes":[{"itemId":"%s","quantity":1}]}"""
                .formatted(shirt)), 201).get("id").asText();
        Api.Response unknownItem = api.post("/api/v1/events/" + sale.get(0) + "/ticket-tiers", organizer,
                "{\"name\":\"Odd\",\"priceMinor\":1,\"quantity\":1,\"includes\":[{\"itemId\":\""
                        + UUID.randomUUID() + "\",\"quantity\":1}]}");
        assertThat(unknownItem.status()).isEqualTo(422);
        assertThat(unknownItem.json().get("field").asText()).isEqualTo("includes[0].itemId");
        JsonNode guests = api.invite(organizer, sale.get(0), "Ada", "Alan");
        String ada = guests.get(0).get("token").asText();
        String alan = guests.get(1).get("token").asText();
        assertThat(ok(api.get("/i/" + ada + "/shop", null), 200).get("tiers")).anySatisfy(t -> {
            assertThat(t.get("name").asText()).isEqualTo("Weekend + shirt");
            assertThat(t.at("/includes/0/name").asText()).isEqualTo("Festival T-shirt");
        });

        String held = ok(order(ada, bundle, 2, null), 201).get("id").asText();
        Api.Response noShirtLeft = order(alan, bundle, 1, null);
        assertThat(noShirtLeft.status()).isEqualTo(409);
        assertThat(noShirtLeft.json().get("code").asText()).isEqualTo("soldOut");
        assertThat(noShirtLeft.json().at("/args/0").asText()).isEqualTo("Festival T-shirt");
        assertThat(ok(order(alan, sale.get(1), 1, null), 201).get("status").asText())
                .as("plain tickets still sell").isEqualTo("PENDING");

        jdbc.sql("UPDATE ticket_order SET hold_expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", UUID.fromString(held)).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT taken FROM merchandise WHERE id = :id")
                .param("id", UUID.fromString(shirt)).query(Integer.class).single() == 0);
        assertThat(ok(order(alan, bundle, 1, null), 201).get("totalMinor").asLong()).isEqualTo(9500);
    }

    @Test
    void cancellingTheEventEndsItsHoldsAndTheirPaymentsAreRefused() {
        List<String> sale = paidEvent("Called-off gig", 2500, 4);
        String guest = api.invite(organizer, sale.get(0), "Linus").get(0).get("token").asText();
        String orderId = ok(order(guest, sale.get(1), 2, null), 201).get("id").asText();
        ok(api.post("/api/v1/events/" + sale.get(0) + "/cancel", organizer, "{\"reason\":\"Storm\"}"), 200);

        Api.Response late = pay(guest, orderId, "pm_card_visa");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(10)).until(() -> ok(api.get("/i/" + guest + "/orders/" + orderId, null),
                200).get("status").asText().equals("EXPIRED"));
        String pi = jdbc.sql("SELECT payment_reference FROM ticket_order WHERE id = :id")
                .param("id", UUID.fromString(orderId)).query(String.class).single();
        assertThat(idempotencyKeysOf("POST", "/v1/payment_intents/" + pi + "/confirm")).isEmpty();
        assertThat(idempotencyKeysOf("POST", "/v1/payment_intents/" + pi + "/cancel")).isNotEmpty();
    }

    @Test
    void webhooksMustBeSignedFreshAndAreActedOnOnce() throws Exception {
        List<String> sale = paidEvent("Concert", 3000, 5);
        String guest = api.invite(organizer, sale.get(0), "Barbara").get(0).get("token").asText();
        String orderId = ok(order(guest, sale.get(1), 1, null), 201).get("id").asText();
        String pi = jdbc.sql("SELECT payment_reference FROM ticket_order WHERE id = :id")
                .param("id", UUID.fromString(orderId)).query(String.class).single();
        String event = stripeEvent("evt_test_" + UUID.randomUUID(), pi, 3000);
        String tampered = stripeEvent("evt_test_" + UUID.randomUUID(), pi, 1);
        long now = System.currentTimeMillis() / 1000;

        assertThat(webhook(event, now, "whsec_someone_else").status()).isEqualTo(400);
        assertThat(webhook(event, now - 600, STRIPE_WEBHOOK_SECRET).status()).isEqualTo(400); // replayed later than 5 min
        assertThat(webhook(tampered, now, STRIPE_WEBHOOK_SECRET).status()).isEqualTo(200);
        assertThat(ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200).get("status").asText())
                .as("a payment of another amount than the order's pays nothing")
                .isEqualTo("PENDING");

        JsonNode first = ok(webhook(event, now, STRIPE_WEBHOOK_SECRET), 200);
        JsonNode again = ok(webhook(event, now, STRIPE_WEBHOOK_SECRET), 200);
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        JsonNode paid = ok(api.get("/i/" + guest + "/orders/" + orderId, null), 200);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("tickets")).hasSize(1);
        assertThat(ok(api.get("/api/v1/events/" + sale.get(0) + "/gateway-errors", organizer), 200))
                .as("kept for the organizer to see").singleElement()
                .satisfies(e -> assertThat(e.get("code").asText()).isEqualTo("amount_mismatch"));
    }

    private static String stripeEvent(String id, String paymentIntent, long amount) {
        return """
                {"id":"%s","object":"event","api_version":"2025-08-27.basil","created":%d,"livemode":false,
                 "type":"payment_intent.succeeded","pending_webhooks":1,"request":{"id":null,"idempotency_key":null},
                 "data":{"object":{"id":"%s","object":"payment_intent","amount":%d,"amount_received":%d,
                 "currency":"eur","status":"succeeded","metadata":{}}}}"""
                .formatted(id, System.currentTimeMillis() / 1000, paymentIntent, amount, amount);
    }

    @Test
    void aGuestBuysFromTheInvitationPageWithPlainFormsInTheirLanguage() {
        List<String> sale = paidEvent("Summer ball", 4900, 2);
        String guest = api.invite(organizer, sale.get(0), "Grace").get(0).get("token").asText();
        String page = api.get("/i/" + guest, null).body();
        assertThat(page).contains("id=\"tickets\"").contains("Standard · €49.00").contains("2 left")
                .contains("name=\"qty-" + sale.get(1) + "\"");

        Api.Response tooMany = api.exchange("/i/" + guest + "/tickets", b -> b
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "de")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("qty-" + sale.get(1)
                        + "=3&name=Grace&email=grace%40example.org")));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body()).contains("Es gibt nur noch 2 Tickets Standard.");

        Api.Response ordered = api.postForm("/i/" + guest + "/tickets", "qty-" + sale.get(1)
                + "=2&code=&name=Grace+Hopper&email=grace%40example.org");
        assertThat(ordered.status()).isEqualTo(303);
        String held = api.get("/i/" + guest, null).body();
        assertThat(held).contains("Held for you until").contains("€98.00").contains("2 tickets")
                .contains("stand-in of Stripe");
        String orderId = held.replaceAll("(?s).*action=\"/i/" + guest + "/orders/([0-9a-f-]{36})/pay\".*", "$1");

        assertThat(api.postForm("/i/" + guest + "/orders/" + orderId + "/pay", "paymentMethod=pm_card_chargeDeclined")
                .body()).contains("The payment was declined. Try another card.");
        assertThat(api.postForm("/i/" + guest + "/orders/" + orderId + "/pay", "paymentMethod=pm_card_visa")
                .status()).isEqualTo(303);
        assertThat(api.get("/i/" + guest, null).body()).contains("Paid.")
                .contains("href=\"/i/" + guest + "/orders/" + orderId + "/tickets.pdf\"");
    }

    private Api.Response webhook(String body, long timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return api.exchange("/webhooks/stripe", b -> b.header("Content-Type", "application/json")
                .header("Stripe-Signature", "t=" + timestamp + ",v1=" + v1)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }
}

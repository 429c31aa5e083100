package io.inviteflow.batch.refund;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.batch.support.CoreServer;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cancelled event's buyers get their money back exactly once: the refund job fails halfway (the gateway refuses one
 * order), is restarted, refunds the rest — and the gateway's own log shows one refund per paid order.
 */
@TestPropertySource(properties = {"inviteflow.refunds.poll-interval=500ms", "inviteflow.refunds.chunk-size=2"})
class EventRefundJobIT extends BatchIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aJobThatFailsHalfwayAndIsRestartedRefundsEveryPaidOrderOnceAndTellsEachBuyerOnce() {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Cancelled festival " + RUN);
        core.send("PUT", "/api/v1/events/" + eventId + "/ticket-settings", organizer,
                "{\"currency\":\"EUR\",\"vatBasisPoints\":1900,\"feeFixedMinor\":0,\"feeBasisPoints\":0}");
        String tierId = core.send("POST", "/api/v1/events/" + eventId + "/ticket-tiers", organizer,
                "{\"name\":\"Day pass\",\"priceMinor\":2500,\"quantity\":20}").get("id").asText();
        List<String> emails = IntStream.range(0, 5).mapToObj(i -> "buyer" + i + "-" + RUN + "@example.org").toList();
        List<CoreApi.Invited> buyers = core.invite(organizer, eventId,
                IntStream.range(0, 5).mapToObj(i -> "Buyer " + i).toList(), emails);
        List<String> orderIds = new ArrayList<>();
        for (CoreApi.Invited buyer : buyers) {
            JsonNode order = core.send("POST", "/i/" + buyer.token() + "/orders", null, """
                    {"lines":[{"tierId":"%s","quantity":1}],"buyerName":"%s","buyerEmail":"%s"}"""
                    .formatted(tierId, buyer.name(), buyer.email()));
            core.send("POST", "/i/" + buyer.token() + "/orders/" + order.get("id").asText() + "/payment", null,
                    "{\"paymentMethod\":\"pm_card_visa\"}");
            orderIds.add(order.get("id").asText());
        }
        Map<String, String> paymentOf = new HashMap<>();
        for (String orderId : orderIds) {
            paymentOf.put(orderId, paymentIntentOf(orderId));
        }
        // the gateway refuses the third order's refund until the stub is removed
        StubMapping refusal = CoreServer.STRIPE.server().stubFor(WireMock.post("/v1/refunds").atPriority(0)
                .withRequestBody(WireMock.containing("payment_intent=" + paymentOf.get(orderIds.get(2))))
                .willReturn(WireMock.aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"stand-in outage\"}}")));

        core.send("POST", "/api/v1/events/" + eventId + "/cancel", organizer, "{\"reason\":\"Storm warning\"}");

        await().atMost(Duration.ofSeconds(90)).until(() -> jobExecutions(eventId, "FAILED") >= 1);
        CoreServer.STRIPE.server().removeStub(refusal);
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT count(*) FROM refund_request "
                + "WHERE party_event_id = :e AND completed_at IS NOT NULL").param("e", eventId)
                .query(Long.class).single() == 1);

        // the gateway's log: every order's refund asked for under its one key, and one refund made per key
        Map<String, Set<String>> refundIdsByKey = new HashMap<>();
        CoreServer.STRIPE.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/refunds") && e.getResponse().getStatus() == 200)
                .forEach(e -> refundIdsByKey.computeIfAbsent(e.getRequest().getHeader("Idempotency-Key"),
                        k -> new HashSet<>()).add(refundId(e.getResponse().getBodyAsString())));
        for (String orderId : orderIds) {
            assertThat(refundIdsByKey.get("refund-" + orderId + "-event_cancelled")).as("order %s", orderId)
                    .hasSize(1);
        }
        assertThat(refundIdsByKey.keySet().stream().filter(k -> orderIds.stream().anyMatch(k::contains)))
                .hasSize(5);
        for (int i = 0; i < 5; i++) {
            List<Mailboxes.Mail> inbox = Mailboxes.awaitInbox(emails.get(i), Mailboxes.subject("Refunded:"), 1,
                    Duration.ofSeconds(30));
            assertThat(inbox).as("buyer %d", i).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Refunded: Cancelled festival " + RUN);
                assertThat(m.text()).contains("25.00 EUR");
            });
            JsonNode order = core.send("GET", "/i/" + buyers.get(i).token() + "/orders/" + orderIds.get(i), null, "");
            assertThat(order.get("status").asText()).isEqualTo("REFUNDED");
            assertThat(order.get("refundedMinor").asLong()).isEqualTo(2500);
        }
        assertThat(jobExecutions(eventId, "COMPLETED")).isEqualTo(1);
    }

    private String paymentIntentOf(String orderId) {
        // the webhook and the buyer's confirmation both name it; the stand-in's log has the create call
        return CoreServer.STRIPE.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/payment_intents")
                        && e.getRequest().getBodyAsString().contains(orderId))
                .map(e -> e.getResponse().getBodyAsString().replaceAll("(?s).*\"id\"\\s*:\\s*\"(pi_[A-Za-z0-9]+)\".*", "$1"))
                .findFirst().orElseThrow();
    }

    private static String refundId(String body) {
        return body.replaceAll("(?s).*\"id\"\\s*:\\s*\"(re_[A-Za-z0-9]+)\".*", "$1");
    }

    private long jobExecutions(UUID eventId, String status) {
        return jdbc.sql("""
                        SELECT count(*) FROM batch_job_execution e
                        JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                        JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                        WHERE i.job_name = 'eventRefundJob' AND p.parameter_name = 'eventId'
                          AND p.parameter_value = :event AND e.status = :status""")
                .param("event", eventId.toString()).param("status", status).query(Long.class).single();
    }
}

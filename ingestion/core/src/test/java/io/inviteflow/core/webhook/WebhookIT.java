package io.inviteflow.core.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TestPropertySource(properties = {"inviteflow.webhooks.poll-interval=100ms", "inviteflow.webhooks.first-retry=200ms",
        "inviteflow.webhooks.max-attempts=4", "inviteflow.webhooks.request-timeout=2s"})
class WebhookIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    String organizer;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    record Received(String body, String signature, String deliveryId) {
    }

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(port);
        organizer = api.newOrganizerToken();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("Inviteflow-Signature"),
                    exchange.getRequestHeaders().getFirst("Inviteflow-Delivery")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void anAnswerIsPostedSignedRetriedAfterFailuresAndLogged() throws Exception {
        JsonNode endpoint = api.post("/api/v1/webhooks", organizer, """
                {"url":"http://127.0.0.1:%d/hooks","types":["RSVP_ANSWERED"]}"""
                .formatted(receiver.getAddress().getPort())).json();
        String secret = endpoint.get("secret").asText();
        String eventId = api.newEvent(organizer, "Hooked");
        String token = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Ada\"}]}").json().at("/invitations/0/token").asText();
        failuresLeft.set(2);

        api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"YES\",\"plusOnes\":1}");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
        Received last = received.get(2);
        JsonNode body = new ObjectMapper().readTree(last.body());
        assertThat(body.get("type").asText()).isEqualTo("RSVP_ANSWERED");
        assertThat(body.get("eventId").asText()).isEqualTo(eventId);
        assertThat(body.at("/data/plusOnes").asInt()).isEqualTo(1);
        String t = last.signature().substring(2, last.signature().indexOf(','));
        assertThat(last.signature()).isEqualTo("t=" + t + ",v1=" + WebhookSignature.hmac(secret, t + "." + last.body()));
        assertThat(received).extracting(Received::deliveryId).containsOnly(received.get(0).deliveryId());

        String id = endpoint.get("id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(
                api.get("/api/v1/webhooks/" + id + "/deliveries", organizer).json().at("/0/status").asText()));
        JsonNode delivery = api.get("/api/v1/webhooks/" + id + "/deliveries", organizer).json().get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("log")).extracting(a -> a.get("httpStatus").asInt()).containsExactly(500, 500, 204);
        // only what the endpoint asked for: opening the page is no webhook
        api.getAs("/i/" + token, "test");
        Thread.sleep(500);
        assertThat(received).hasSize(3);
    }

    @Test
    void anEndpointThatNeverAnswersIsGivenUpAfterTheLastAttempt() {
        JsonNode endpoint = api.post("/api/v1/webhooks", organizer,
                "{\"url\":\"http://127.0.0.1:9/nothing-listens\",\"types\":[\"EVENT_CANCELLED\"]}").json();
        String eventId = api.newEvent(organizer, "Doomed");
        api.post("/api/v1/events/" + eventId + "/cancel", organizer, "{}");

        String id = endpoint.get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(
                api.get("/api/v1/webhooks/" + id + "/deliveries", organizer).json().at("/0/status").asText()));
        JsonNode delivery = api.get("/api/v1/webhooks/" + id + "/deliveries", organizer).json().get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.get("log")).allSatisfy(a -> assertThat(a.get("error").asText()).contains("ConnectException"));
    }

    /** As after a master key changed without its secrets: that endpoint is given up, the others still served. */
    @Test
    void anEndpointWhoseSecretNoLongerOpensHoldsUpNoOther() {
        String url = "{\"url\":\"http://127.0.0.1:%d/hooks\",\"types\":[\"RSVP_ANSWERED\"]}"
                .formatted(receiver.getAddress().getPort());
        String broken = api.post("/api/v1/webhooks", organizer, url).json().get("id").asText();
        jdbc.sql("UPDATE webhook_endpoint SET secret_sealed = decode('00112233445566778899aabbccddeeff00112233', 'hex') "
                + "WHERE id = :id").param("id", UUID.fromString(broken)).update();
        String other = api.newOrganizerToken();
        api.post("/api/v1/webhooks", other, url);
        String token = api.post("/api/v1/events/" + api.newEvent(organizer, "Shared") + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Ada\"}]}").json().at("/invitations/0/token").asText();
        String othersToken = api.post("/api/v1/events/" + api.newEvent(other, "Theirs") + "/invitations", other,
                "{\"guests\":[{\"name\":\"Grace\"}]}").json().at("/invitations/0/token").asText();

        api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"YES\"}");
        api.post("/api/v1/invitations/" + othersToken + "/rsvp", null, "{\"response\":\"NO\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 1 && "FAILED".equals(
                api.get("/api/v1/webhooks/" + broken + "/deliveries", organizer).json().at("/0/status").asText()));
        assertThat(received).singleElement().satisfies(r -> assertThat(r.body()).contains("\"NO\""));
        JsonNode log = api.get("/api/v1/webhooks/" + broken + "/deliveries", organizer).json().at("/0/log");
        assertThat(log).singleElement().satisfies(a -> assertThat(a.get("error").asText())
                .isEqualTo(WebhookDispatcher.UNREADABLE_SECRET));
        assertThat(api.get("/api/v1/webhooks", organizer).json().findValuesAsText("id"))
                .as("turned off: no more deliveries to fail alike").doesNotContain(broken);
    }

    @Test
    void badEndpointsAreRefusedAndOthersCannotSeeThem() {
        assertThat(api.post("/api/v1/webhooks", organizer, "{\"url\":\"ftp://x.org/\",\"types\":[\"RSVP_ANSWERED\"]}")
                .status()).isEqualTo(422);
        assertThat(api.post("/api/v1/webhooks", organizer,
                "{\"url\":\"https://x.org/\",\"types\":[\"INVITATION_OPENED\"]}").json().get("field").asText())
                .isEqualTo("types[0]");
        String id = api.post("/api/v1/webhooks", organizer,
                "{\"url\":\"https://x.org/\",\"types\":[\"RSVP_ANSWERED\"]}").json().get("id").asText();
        String other = api.newOrganizerToken();
        assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries", other).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/webhooks/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhooks", organizer).json().get(0).get("secret").isNull()).isTrue();
    }
}
